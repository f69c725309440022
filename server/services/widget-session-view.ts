import type { Kysely } from 'kysely';
import type { Database } from '../db/types.ts';
import { challengeSteps } from './challenge-steps.ts';
import { sessionRef, type WidgetContext } from './sessions.ts';
import { twoFactorState } from './two-factor-state.ts';

/** The session as the element sees it. */
export async function widgetSessionView(
  db: Kysely<Database>,
  { session, tenant }: Pick<WidgetContext, 'session' | 'tenant'>,
) {
  const state = await twoFactorState(db, sessionRef({ session }));
  const setup = session.purpose === 'setup';
  return {
    purpose: session.purpose,
    tenant: { name: tenant.name },
    locale: session.locale,
    expiresAt: session.expires_at.toISOString(),
    allowedMethods: tenant.settings.methods,
    allowedCountries: tenant.settings.allowedCountries,
    defaultCountry: tenant.settings.defaultCountry,
    // A sign-in session has not proved anything yet: it learns the two-factor details from the
    // challenge, one step at a time, never all at once.
    twoFactor: setup
      ? {
          enabled: state.enabled,
          methods: state.methods,
          preferredMethod: state.preferredMethod,
          maskedPhone: state.phone?.masked ?? null,
          totpAddedAt: state.totp?.addedAt.toISOString() ?? null,
          enabledAt: state.enabledAt?.toISOString() ?? null,
          recoveryCodesRemaining: state.recoveryCodesRemaining,
          recoveryCodesViewable: tenant.settings.recoveryCodesViewable,
        }
      : {
          enabled: state.enabled,
          methods: [],
          preferredMethod: null,
          maskedPhone: null,
          totpAddedAt: null,
          enabledAt: null,
          recoveryCodesRemaining: 0,
          recoveryCodesViewable: false,
        },
    stepUpValidUntil:
      session.step_up_until && session.step_up_until > new Date()
        ? session.step_up_until.toISOString()
        : null,
    trustBrowserDays: tenant.settings.trustBrowserDays,
    challenge:
      session.purpose === 'setup'
        ? null
        : {
            steps: challengeSteps({ session, tenant }),
            completedSteps: session.completed_steps,
            verified: session.verified_at !== null,
          },
  };
}
