import type { EmailWording } from '../wording.ts';

export const en: EmailWording = {
  direction: 'ltr',
  footer: (tenant) => `This is an automatic security message from ${tenant}.`,
  code: {
    purposes: {
      'sign-in': {
        subject: (tenant) => `Your sign-in code for ${tenant}`,
        heading: 'Your sign-in code',
        intro: (tenant) => `Enter this code to finish signing in to ${tenant}:`,
        ifNotYou:
          'If you didn’t try to sign in, you can ignore this email, but someone may know your password: change it now.',
      },
      'verify-email': {
        subject: (tenant) => `Confirm your email for ${tenant}`,
        heading: 'Confirm your email address',
        intro: (tenant) => `Enter this code to confirm your email address for ${tenant}:`,
        ifNotYou: 'If you didn’t ask for this, you can ignore this email.',
      },
    },
    expires: (duration) => `This code expires in ${duration}.`,
    doNotShare: 'Don’t share it with anyone.',
  },
  notification: {
    events: {
      'two_factor.enabled': {
        subject: (t) => `Two-factor authentication is on for your ${t} account`,
        heading: 'Two-factor authentication is on',
        happened: (t) => `Two-factor authentication was turned on for your ${t} account.`,
        phone: (p) => `Sign-in codes will be sent to ${p}.`,
      },
      'two_factor.disabled': {
        subject: (t) => `Two-factor authentication was turned off for your ${t} account`,
        heading: 'Two-factor authentication is off',
        happened: (t) =>
          `Two-factor authentication was turned off for your ${t} account. Signing in now only needs your password.`,
      },
      'phone.changed': {
        subject: (t) => `The phone number for your ${t} account was changed`,
        heading: 'Your phone number was changed',
        happened: (t) => `The phone number that receives your ${t} sign-in codes was changed.`,
        phone: (p) => `Codes will now be sent to ${p}.`,
      },
      'recovery_code.used': {
        subject: (t) => `A recovery code was used for your ${t} account`,
        heading: 'A recovery code was used',
        happened: (t) =>
          `One of your recovery codes was used to sign in to your ${t} account or to confirm a change to it. It can’t be used again.`,
      },
      'recovery_codes.viewed': {
        subject: (t) => `Your ${t} recovery codes were viewed`,
        heading: 'Your recovery codes were viewed',
        happened: (t) => `Your ${t} recovery codes were shown in your account settings.`,
      },
      'recovery_codes.regenerated': {
        subject: (t) => `New recovery codes for your ${t} account`,
        heading: 'New recovery codes were created',
        happened: (t) =>
          `New recovery codes were created for your ${t} account. Your old codes no longer work.`,
      },
      'browser.trusted': {
        subject: (t) => `A new trusted browser for your ${t} account`,
        heading: 'A new browser is trusted',
        happened: (t) =>
          `A browser was added to your trusted browsers for ${t}. For a while, you won’t be asked for a code when you sign in on it.`,
      },
      'totp.added': {
        subject: (t) => `An authenticator app was added to your ${t} account`,
        heading: 'An authenticator app was added',
        happened: (t) =>
          `An authenticator app was set up to give sign-in codes for your ${t} account.`,
      },
      'totp.removed': {
        subject: (t) => `The authenticator app was removed from your ${t} account`,
        heading: 'The authenticator app was removed',
        happened: (t) =>
          `The authenticator app was removed from your ${t} account. It no longer gives sign-in codes.`,
      },
      'phone.added': {
        subject: (t) => `A phone number was added to your ${t} account`,
        heading: 'A phone number was added',
        happened: (t) => `A phone number was added to receive sign-in codes for your ${t} account.`,
        phone: (p) => `Codes can now be sent to ${p}.`,
      },
      'phone.removed': {
        subject: (t) => `The phone number was removed from your ${t} account`,
        heading: 'The phone number was removed',
        happened: (t) =>
          `The phone number was removed from your ${t} account. It no longer receives sign-in codes.`,
      },
    },
    when: 'When:',
    browser: 'Browser:',
    unknownBrowser: 'Unknown browser',
    ifYou: 'If this was you, there is nothing else to do.',
    ifNotYou: (t) =>
      `If this wasn’t you, sign in to ${t} now, change your password and review your two-factor authentication settings. If you can’t sign in, contact ${t} support.`,
  },
};
