import type { LaterStrings } from '../en.ts';

/** The messages only the later screens say; they load with those screens. */
export const zhCNLater: LaterStrings = {
  codeHeading: '输入验证码',
  codeSentTo: '我们已向 {destination} 发送验证码。',
  codeLabel: '{length} 位验证码',
  verify: '验证',
  resend: '重新发送验证码',
  resendIn: '{time} 后可重新发送验证码',
  codeResent: '新的验证码已发出。',
  changeNumber: '更换号码',
  attemptsRemaining: '{count, plural, other {还可尝试 # 次。}}',

  recoveryHeading: '保存您的恢复码',
  recoveryText:
    '如果手机丢失，每个恢复码都可以让您登录一次。请将它们保存在手机以外的地方，例如密码管理器中，或打印出来。',
  recoveryCodesLabel: '恢复码',
  recoveryCodeUsed: '{code}（已使用）',
  copy: '复制',
  copied: '已复制',
  download: '下载 .txt 文件',
  print: '打印',
  savedCheckbox: '我已保存恢复码',
  recoveryFileTitle: '{site} 的恢复码',
  recoveryFileNote: '每个恢复码只能使用一次。',

  manageHeading: '双重身份验证',
  manageOn: '已开启：验证码会发送到 {phone}。',
  manageSince: '开启于 {date}。',
  changePhone: '更换手机号码',
  recoveryCodes: '恢复码',
  recoveryRemaining: '{count, plural, other {您还有 # 个恢复码未使用。}}',
  viewRecoveryCodes: '查看恢复码',
  regenerateRecoveryCodes: '生成新的恢复码',
  regenerateWarning: '您当前的恢复码将失效。',
  trustedBrowsers: '受信任的浏览器',
  disable: '关闭双重身份验证',

  stepUpHeading: '确认是您本人',
  stepUpText: '我们已向 {phone} 发送验证码。',
  useRecoveryCode: '改用恢复码',
  useCodeInstead: '改用短信验证码',
  recoveryCodeLabel: '恢复码',
  recoveryCodeHint: '带不带连字符均可。',

  viewCodesHeading: '您的恢复码',

  browsersHeading: '受信任的浏览器',
  browsersText: '在这些浏览器上登录时，无需输入验证码。',
  browsersEmpty: '没有受信任的浏览器。',
  browserLastUsed: '上次使用：{date}',
  thisBrowser: '此浏览器',
  revoke: '取消信任',
  revokeAll: '取消信任所有浏览器',
  browserRevoked: '已不再信任 {label}。',

  disableHeading: '要关闭双重身份验证吗？',
  disableText: '关闭后，只需密码即可登录，您的恢复码也将失效。',
  disableConfirm: '是，关闭',

  challengeEmailHeading: '请查看您的电子邮件',
  challengeSmsHeading: '请查看您的手机',
  verifyEmailHeading: '确认您的电子邮件地址',
  trustBrowser: '{days, plural, other {信任此浏览器 # 天}}',
  recoveryHeadingChallenge: '使用恢复码登录',

  'error.required_code': '请输入验证码。',
  'error.required_saved': '保存恢复码后，请勾选此框。',
};
