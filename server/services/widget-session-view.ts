import type { WidgetContext } from './sessions.ts';

/** The session as the element sees it. Later steps (2FA state, sign-in progress) fill it in. */
export function widgetSessionView({ session, tenant }: WidgetContext) {
  return {
    purpose: session.purpose,
    tenant: { name: tenant.name },
    locale: session.locale,
    expiresAt: session.expires_at.toISOString(),
    allowedCountries: tenant.settings.allowedCountries,
    defaultCountry: tenant.settings.defaultCountry,
    twoFactor: {
      enabled: false,
      maskedPhone: null,
      enabledAt: null,
      recoveryCodesRemaining: 0,
      recoveryCodesViewable: tenant.settings.recoveryCodesViewable,
    },
    stepUpValidUntil: session.step_up_until?.toISOString() ?? null,
    trustBrowserDays: tenant.settings.trustBrowserDays,
  };
}
