import type { LaterStrings } from '../en.ts';

/** The messages only the later screens say; they load with those screens. */
export const arLater: LaterStrings = {
  codeHeading: 'أدخِل الرمز',
  changeNumber: 'تغيير الرقم',
  attemptsRemaining:
    '{count, plural, zero {لم تتبقَّ أي محاولة.} one {تتبقّى محاولة واحدة.} two {تتبقّى محاولتان.} few {تتبقّى # محاولات.} many {تتبقّى # محاولة.} other {تتبقّى # محاولة.}}',

  recoveryHeading: 'احفظ رموز الاسترداد',
  lastCodeUsedHeading: 'لقد استخدمت آخر رمز استرداد لديك',
  lastCodeUsedText:
    'لتتمكّن من تسجيل الدخول دون هاتفك، إليك مجموعة جديدة. الرموز المستخدمة لم تعد تعمل.',
  recoveryText:
    'إذا فقدت هاتفك، فكل رمز من هذه الرموز يتيح لك تسجيل الدخول مرة واحدة. احفظها في مكان غير هاتفك: في مدير كلمات مرور أو في نسخة مطبوعة.',
  recoveryCodesLabel: 'رموز الاسترداد',
  recoveryCodeUsed: '{code} (مُستخدَم)',
  copy: 'نسخ',
  copied: 'تم النسخ',
  download: 'تنزيل كملف نصي',
  print: 'طباعة',
  savedCheckbox: 'حفظتُ رموز الاسترداد',
  recoveryFileTitle: 'رموز الاسترداد لحسابك في {site}',
  recoveryFileNote: 'يمكن استخدام كل رمز مرة واحدة فقط.',

  manageHeading: 'المصادقة الثنائية',
  manageOn: 'مفعّلة: تُرسَل الرموز إلى {phone}.',
  manageSince: 'منذ {date}.',
  changePhone: 'تغيير رقم الهاتف',
  recoveryCodes: 'رموز الاسترداد',
  recoveryRemaining:
    '{count, plural, zero {لم يتبقَّ لديك أي رمز استرداد غير مستخدم.} one {يتبقّى لديك رمز استرداد واحد غير مستخدم.} two {يتبقّى لديك رمزا استرداد غير مستخدمَين.} few {يتبقّى لديك # رموز استرداد غير مستخدمة.} many {يتبقّى لديك # رمزًا غير مستخدم.} other {يتبقّى لديك # رمز استرداد غير مستخدم.}}',
  viewRecoveryCodes: 'عرض رموز الاسترداد',
  regenerateRecoveryCodes: 'إنشاء رموز استرداد جديدة',
  regenerateWarning: 'ستتوقف رموز الاسترداد الحالية عن العمل.',
  trustedBrowsers: 'المتصفحات الموثوق بها',
  disable: 'إيقاف المصادقة الثنائية',

  stepUpHeading: 'أكّد هويتك',
  stepUpText: 'أرسلنا رمزًا إلى {phone}.',
  useRecoveryCode: 'استخدام رمز استرداد بدلاً من ذلك',
  useCodeInstead: 'استخدام رمز يصلك في رسالة نصية',
  recoveryCodeLabel: 'رمز الاسترداد',
  recoveryCodeHint: 'مع الشرطات أو بدونها.',

  viewCodesHeading: 'رموز الاسترداد الخاصة بك',

  browsersHeading: 'المتصفحات الموثوق بها',
  browsersText: 'لا تطلب منك هذه المتصفحات رمزًا عند تسجيل الدخول.',
  browsersEmpty: 'لا يوجد متصفح موثوق به.',
  browserLastUsed: 'آخر استخدام: {date}',
  thisBrowser: 'هذا المتصفح',
  revoke: 'إلغاء الثقة',
  revokeAll: 'إلغاء الثقة في كل المتصفحات',
  browserRevoked: 'لم يعد {label} موثوقًا به.',

  disableHeading: 'هل تريد إيقاف المصادقة الثنائية؟',
  disableText: 'ستكفي كلمة المرور وحدها لتسجيل الدخول، وستتوقف رموز الاسترداد عن العمل.',
  disableConfirm: 'نعم، أوقِفها',

  trustBrowser:
    '{days, plural, zero {الوثوق بهذا المتصفح} one {الوثوق بهذا المتصفح ليوم واحد} two {الوثوق بهذا المتصفح ليومين} few {الوثوق بهذا المتصفح لمدة # أيام} many {الوثوق بهذا المتصفح لمدة # يومًا} other {الوثوق بهذا المتصفح لمدة # يوم}}',
  recoveryHeadingChallenge: 'تسجيل الدخول برمز استرداد',

  'error.required_code': 'أدخِل الرمز.',
  'error.required_saved': 'حدِّد المربع بعد حفظ رموز الاسترداد.',
  'limit.per-number': 'أُرسل عدد كبير جدًا من الرموز إلى هذا الرقم مؤخرًا.',
  'limit.per-prefix': 'أُرسل عدد كبير جدًا من الرموز إلى أرقام مشابهة لهذا الرقم مؤخرًا.',
  'limit.per-country': 'أُرسل عدد كبير جدًا من الرموز إلى هذا البلد مؤخرًا.',
  'limit.per-user': 'أُرسل عدد كبير جدًا من الرموز لحسابك مؤخرًا.',
  'limit.per-ip': 'طُلب عدد كبير جدًا من الرموز من شبكتك مؤخرًا.',
  'limit.daily-budget': 'لا يمكن لهذا الموقع إرسال المزيد من الرسائل النصية اليوم.',
  'limit.resend-wait': 'أُرسل رمز قبل لحظات.',

  manageOnSince: 'مفعّلة منذ {date}.',
  methodsHeading: 'طرق تسجيل الدخول',
  smsMethod: 'رسالة نصية',
  appMethod: 'تطبيق المصادقة',
  appAddedOn: 'أُضيف في {date}',
  notSetUp: 'غير مُعدّ',
  change: 'تغيير',
  remove: 'إزالة',
  add: 'إضافة',
  askedFirst: 'يُطلب أولًا',
  recoveryLeft:
    '{count, plural, zero {لم يبقَ أي رمز} one {بقي رمز واحد} two {بقي رمزان} few {بقيت # رموز} many {بقي # رمزًا} other {بقي # رمز}}',
  view: 'عرض',
  replace: 'استبدال',
  browsersCount:
    '{count, plural, zero {لا شيء} one {متصفح واحد} two {متصفحان} few {# متصفحات} many {# متصفحًا} other {# متصفح}}',
  manageBrowsers: 'إدارة',
  moreHeading: 'الاسترداد والمتصفحات',
  methodRemoved: 'أُزيل: {method}.',
  methodAdded: 'أُضيف: {method}.',
  preferredChanged: 'يُطلب أولًا عند تسجيل الدخول: {method}.',
  methodChoiceHeading: 'كيف تريد أن تصلك الرموز؟',
  smsMethodHint: 'نرسل رمزًا في رسالة نصية إلى هاتفك المحمول.',
  appMethodHint: 'تطبيق على هاتفك يُنشئ الرموز، حتى دون تغطية.',
  appHeading: 'إعداد تطبيق المصادقة',
  appScanText:
    'امسح رمز QR هذا بتطبيق مصادقة، مثل Google Authenticator أو Microsoft Authenticator أو 1Password.',
  appQrLabel: 'رمز QR لتطبيق المصادقة',
  appKeyText: 'أو اكتب هذا المفتاح في التطبيق:',
  openInApp: 'فتح في تطبيق المصادقة',
  appCodeText: 'ثم أدخل الرمز المكوّن من 6 أرقام الذي يعرضه التطبيق.',
  appDoneText: 'من الآن، يطلب تسجيل الدخول رمزًا من تطبيق المصادقة.',
  stepUpAppText: 'أدخل الرمز من تطبيق المصادقة.',
  challengeAppHeading: 'افتح تطبيق المصادقة',
  useAppInstead: 'استخدام تطبيق المصادقة بدلًا من ذلك',
  useAnotherMethod: 'استخدام طريقة أخرى',
  'error.last_method': 'هذه طريقتك الوحيدة. لإيقاف استخدامها، أوقف المصادقة الثنائية.',
  'error.method_not_allowed': 'لا يسمح هذا الموقع بهذه الطريقة.',
};
