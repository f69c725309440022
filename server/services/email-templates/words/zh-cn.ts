import type { EmailWording } from '../wording.ts';

export const zhCN: EmailWording = {
  direction: 'ltr',
  footer: (tenant) => `这是一封来自 ${tenant} 的自动安全通知邮件。`,
  code: {
    purposes: {
      'sign-in': {
        subject: (tenant) => `您的 ${tenant} 登录验证码`,
        heading: '您的登录验证码',
        intro: (tenant) => `请输入此验证码，完成 ${tenant} 登录：`,
        ifNotYou: '如果您没有尝试登录，可以忽略此邮件，但可能有人知道了您的密码：请立即修改密码。',
      },
      'verify-email': {
        subject: (tenant) => `确认您在 ${tenant} 的电子邮件地址`,
        heading: '确认您的电子邮件地址',
        intro: (tenant) => `请输入此验证码，确认您在 ${tenant} 的电子邮件地址：`,
        ifNotYou: '如果这不是您本人的请求，可以忽略此邮件。',
      },
    },
    expires: (duration) => `此验证码将在 ${duration}后过期。`,
    doNotShare: '请勿将验证码告诉任何人。',
  },
  notification: {
    events: {
      'two_factor.enabled': {
        subject: (t) => `您的 ${t} 账户已开启双重身份验证`,
        heading: '双重身份验证已开启',
        happened: (t) => `您的 ${t} 账户已开启双重身份验证。`,
        phone: (p) => `登录验证码将发送到 ${p}。`,
      },
      'two_factor.disabled': {
        subject: (t) => `您的 ${t} 账户已关闭双重身份验证`,
        heading: '双重身份验证已关闭',
        happened: (t) => `您的 ${t} 账户已关闭双重身份验证。现在只需密码即可登录。`,
      },
      'phone.changed': {
        subject: (t) => `您的 ${t} 账户的手机号码已更改`,
        heading: '您的手机号码已更改',
        happened: (t) => `接收 ${t} 登录验证码的手机号码已更改。`,
        phone: (p) => `今后验证码将发送到 ${p}。`,
      },
      'recovery_code.used': {
        subject: (t) => `您的 ${t} 账户使用了一个恢复码`,
        heading: '已使用恢复码',
        happened: (t) =>
          `您的一个恢复码已被用于登录 ${t} 账户或确认账户更改。该恢复码不能再次使用。`,
      },
      'recovery_codes.viewed': {
        subject: (t) => `您的 ${t} 恢复码已被查看`,
        heading: '恢复码已被查看',
        happened: (t) => `您的 ${t} 恢复码已在账户设置中显示。`,
      },
      'recovery_codes.regenerated': {
        subject: (t) => `已为您的 ${t} 账户生成新的恢复码`,
        heading: '已生成新的恢复码',
        happened: (t) => `已为您的 ${t} 账户生成新的恢复码。旧的恢复码已失效。`,
      },
      'browser.trusted': {
        subject: (t) => `您的 ${t} 账户新增了一个受信任的浏览器`,
        heading: '新增受信任的浏览器',
        happened: (t) =>
          `一个浏览器已添加到您在 ${t} 的受信任浏览器中。在一段时间内，使用该浏览器登录时无需输入验证码。`,
      },
      'totp.added': {
        subject: (t) => `您的 ${t} 账户已添加身份验证器应用`,
        heading: '已添加身份验证器应用',
        happened: (t) => `已为您的 ${t} 账户设置身份验证器应用，用于生成登录验证码。`,
      },
      'totp.removed': {
        subject: (t) => `您的 ${t} 账户已移除身份验证器应用`,
        heading: '已移除身份验证器应用',
        happened: (t) => `已从您的 ${t} 账户移除身份验证器应用，它不再生成登录验证码。`,
      },
      'phone.added': {
        subject: (t) => `您的 ${t} 账户已添加手机号码`,
        heading: '已添加手机号码',
        happened: (t) => `已为您的 ${t} 账户添加用于接收登录验证码的手机号码。`,
        phone: (p) => `验证码现在可以发送到 ${p}。`,
      },
      'phone.removed': {
        subject: (t) => `您的 ${t} 账户已移除手机号码`,
        heading: '已移除手机号码',
        happened: (t) => `已从您的 ${t} 账户移除手机号码，它不再接收登录验证码。`,
      },
    },
    when: '时间：',
    browser: '浏览器：',
    unknownBrowser: '未知浏览器',
    ifYou: '如果这是您本人的操作，则无需进行任何处理。',
    ifNotYou: (t) =>
      `如果这不是您本人的操作，请立即登录 ${t}，修改密码并检查双重身份验证设置。如果无法登录，请联系 ${t} 客服。`,
  },
};
