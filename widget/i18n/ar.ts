import type { FirstStrings } from './en.ts';

export const ar: FirstStrings = {
  loading: 'جارٍ التحميل…',
  continue: 'متابعة',
  cancel: 'إلغاء',
  back: 'رجوع',
  tryAgain: 'إعادة المحاولة',
  done: 'تم',

  introHeading: 'المصادقة الثنائية',
  introText:
    'أضِف خطوة ثانية إلى تسجيل الدخول: رمزًا يُرسَل إلى هاتفك، فلا تكفي كلمة مرور مسروقة للدخول إلى حسابك.',
  introStart: 'تفعيل المصادقة الثنائية',

  phoneHeading: 'رقم هاتفك المحمول',
  phoneText: 'سنرسل إلى هذا الرقم رسالة نصية فيها رمز من 6 أرقام.',
  changePhoneHeading: 'رقم هاتفك الجديد',
  countryLabel: 'رمز البلد',
  countrySearch: 'ابحث باسم البلد أو رمزه أو مفتاح الاتصال',
  countryNoMatch: 'لا يوجد بلد مطابق',
  phoneLabel: 'رقم الهاتف',
  sendCode: 'إرسال الرمز',
  sendCodeIn: 'إرسال الرمز بعد {time}',

  doneHeading: 'تم تفعيل المصادقة الثنائية',
  doneText: 'من الآن فصاعدًا، سنطلب منك عند تسجيل الدخول رمزًا نرسله إلى {phone}.',

  disabledHeading: 'المصادقة الثنائية متوقفة',
  disabledText: 'يمكنك تفعيلها مجددًا في أي وقت.',

  phoneChangedHeading: 'تم تغيير رقم الهاتف',
  phoneChangedText: 'تُرسَل الرموز الآن إلى {phone}.',

  signedInHeading: 'تم تسجيل الدخول',
  emailConfirmedHeading: 'تم تأكيد البريد الإلكتروني',

  expiredHeading: 'انتهت صلاحية هذه الصفحة',
  expiredText: 'أعِد تحميل الصفحة للبدء من جديد.',
  reloadPage: 'إعادة تحميل الصفحة',
  lockedHeading: 'رموز خاطئة كثيرة',
  lockedUntil: 'حفاظًا على أمانك، أوقفنا قبول الرموز حتى {time}.',
  networkHeading: 'تعذّر الوصول إلى الخادم',
  networkText: 'تحقّق من اتصالك وحاول مجددًا.',
  errorHeading: 'حدث خطأ ما',

  'error.invalid_request': 'هذا الطلب غير صالح. أعِد تحميل الصفحة وحاول مجددًا.',
  'error.unauthorized': 'انتهت صلاحية هذه الصفحة. أعِد تحميلها للبدء من جديد.',
  'error.session_expired': 'انتهت صلاحية هذه الصفحة. أعِد تحميلها للبدء من جديد.',
  'error.step_up_required': 'أكّد هويتك برمز جديد أولاً.',
  'error.origin_not_allowed': 'لا يُسمح لهذا الموقع باستخدام المصادقة الثنائية.',
  'error.wrong_purpose': 'لا يمكن تنفيذ ذلك من هذه الصفحة.',
  'error.not_found': 'لم يُعثر عليه. ربما حُذف بالفعل.',
  'error.already_enabled': 'المصادقة الثنائية مفعّلة بالفعل.',
  'error.not_enabled': 'المصادقة الثنائية غير مفعّلة.',
  'error.code_expired': 'انتهت صلاحية هذا الرمز. اطلب رمزًا جديدًا.',
  'error.invalid_code': 'هذا الرمز غير صحيح.',
  codeTriesUsed: 'كانت هذه آخر محاولة لهذا الرمز. اطلب رمزًا جديدًا.',
  'error.invalid_phone': 'رقم الهاتف غير صالح. تحقّق من الرقم ورمز البلد.',
  'error.country_not_allowed': 'لا يمكن استخدام أرقام من هذا البلد هنا.',
  'error.phone_type_not_allowed':
    'لا يمكن لهذا الرقم استقبال الرسائل النصية. استخدم رقم هاتف محمول.',
  'error.locked': 'رموز خاطئة كثيرة. حاول مجددًا لاحقًا.',
  'error.rate_limited': 'محاولات كثيرة. حاول مجددًا لاحقًا.',
  'error.internal_error': 'حدث خطأ من جانبنا. حاول مجددًا.',
  'error.delivery_failed': 'تعذّر إرسال الرسالة. حاول مجددًا.',
  'error.unavailable': 'الخدمة غير متاحة حاليًا. حاول مجددًا بعد قليل.',
  'error.already_verified': 'سبق استخدام هذا الرمز. أعِد تحميل الصفحة للمتابعة.',
  'error.phone_replaced': 'تغيّر هذا الرقم في أثناء ذلك. أدخِله مرة أخرى.',
  'error.code_replaced': 'أرسلنا رمزًا أحدث. أدخِل الرمز الوارد في آخر رسالة.',
  'error.recovery_code_used': 'سبق استخدام رمز الاسترداد هذا. جرّب رمزًا آخر.',
  'error.network_error': 'تعذّر الوصول إلى الخادم. تحقّق من اتصالك وحاول مجددًا.',
  'error.required_phone': 'أدخِل رقم هاتفك.',
};
