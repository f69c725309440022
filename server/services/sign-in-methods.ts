import { AppError } from '../errors.ts';
import type { ActiveMethods } from '../repositories/two-factor-methods.ts';
import { TOTP_DIGITS } from '../security-constants.ts';
import type { WidgetContext } from './sessions.ts';
import { type Method, methodsOf, preferredOf } from './two-factor-state.ts';

/**
 * The methods a second step (sign-in, step-up) offers: the user's methods the tenant allows. A user
 * whose every method the tenant has since disallowed keeps them all: a patient who did nothing
 * wrong is never locked out by a change of policy.
 */
export function offeredMethods(
  widget: Pick<WidgetContext, 'tenant'>,
  active: Pick<ActiveMethods, 'phone' | 'totp'>,
): Method[] {
  const own = methodsOf(active);
  const allowed = own.filter((method) => widget.tenant.settings.methods.includes(method));
  return allowed.length > 0 ? allowed : own;
}

/**
 * The method a second step uses: the one asked for, else the one the step last answered with,
 * else the user's preferred one, among those offered. Asking for one the user lacks is
 * `not_enabled`; for one the tenant no longer offers, `method_not_allowed`.
 */
export function chooseMethod(
  widget: Pick<WidgetContext, 'tenant'>,
  active: ActiveMethods,
  asked: { requested?: Method; last?: Method | null },
): Method {
  const offered = offeredMethods(widget, active);
  if (asked.requested) {
    if (!methodsOf(active).includes(asked.requested)) {
      throw new AppError('not_enabled', {
        message:
          asked.requested === 'totp'
            ? 'No authenticator app is set up.'
            : 'No phone number is set up.',
      });
    }
    if (!offered.includes(asked.requested)) throw new AppError('method_not_allowed');
    return asked.requested;
  }
  if (asked.last && offered.includes(asked.last)) return asked.last;
  const preferred = preferredOf(active);
  if (preferred && offered.includes(preferred)) return preferred;
  const first = offered[0];
  if (!first) throw new AppError('not_enabled');
  return first;
}

/** The pending answer of a second step asked by the app: nothing was sent, nothing expires. */
export function appPending(methods: Method[]) {
  return {
    status: 'pending' as const,
    step: 'totp' as const,
    methods,
    maskedDestination: null,
    expiresAt: null,
    resendAt: null,
    codeLength: TOTP_DIGITS,
  };
}
