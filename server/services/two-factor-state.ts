import type { Kysely } from 'kysely';
import type { Database } from '../db/types.ts';
import { AppError } from '../errors.ts';
import { countUnusedRecoveryCodes } from '../repositories/recovery-codes.ts';
import type { UserRef } from '../repositories/refs.ts';
import { type ActiveMethods, activeMethods } from '../repositories/two-factor-methods.ts';
import type { SendPhone } from './code-delivery.ts';

export const methodNames = ['sms', 'totp'] as const;
export type Method = (typeof methodNames)[number];

/** The methods a user has, in a fixed order (text message first). */
export function methodsOf(active: Pick<ActiveMethods, 'phone' | 'totp'>): Method[] {
  return methodNames.filter((method) => (method === 'sms' ? active.phone : active.totp) !== null);
}

/** The method asked first: the user's choice while they still have it, else their first method. */
export function preferredOf(active: ActiveMethods): Method | null {
  const methods = methodsOf(active);
  return active.preferred && methods.includes(active.preferred)
    ? active.preferred
    : (methods[0] ?? null);
}

/** When two-factor was turned on: the earliest of the methods still on. */
function enabledAtOf(active: ActiveMethods): Date | null {
  const dates = [active.phone?.enabledAt, active.totp?.confirmedAt].filter(
    (date): date is Date => date instanceof Date,
  );
  if (dates.length === 0) return null;
  return new Date(Math.min(...dates.map((date) => date.getTime())));
}

/**
 * A user's two-factor state, as both the partner and the element see it: on when at least one
 * method (a phone, an app) is active.
 */
export async function twoFactorState(db: Kysely<Database>, ref: UserRef | undefined) {
  const active = ref ? await activeMethods(db, ref) : { phone: null, totp: null, preferred: null };
  const methods = methodsOf(active);
  const enabled = methods.length > 0;
  return {
    enabled,
    methods,
    preferredMethod: preferredOf(active),
    phone: active.phone ? { masked: active.phone.masked, country: active.phone.country } : null,
    totp: active.totp ? { addedAt: active.totp.confirmedAt } : null,
    enabledAt: enabledAtOf(active),
    recoveryCodesRemaining: enabled && ref ? await countUnusedRecoveryCodes(db, ref) : 0,
  };
}

/** The active phone as a text message needs it, from the user's methods; `not_enabled` without. */
export function activePhoneOf(ref: UserRef, active: ActiveMethods | undefined): SendPhone {
  const phone = active?.phone;
  if (!phone) throw new AppError('not_enabled');
  return {
    id: phone.id,
    tenant_id: ref.tenantId,
    user_id: ref.userId,
    phone_encrypted: phone.encrypted,
    phone_index: phone.index,
    country: phone.country,
    masked: phone.masked,
  };
}

/** The user's methods, refusing with `not_enabled` when two-factor is off. */
export async function requireEnabled(db: Kysely<Database>, ref: UserRef) {
  return assertEnabled(await activeMethods(db, ref));
}

/** Refuses with `not_enabled` when two-factor is off. */
export function assertEnabled(active: ActiveMethods) {
  if (!active.phone && !active.totp) throw new AppError('not_enabled');
  return active;
}
