import type { Kysely } from 'kysely';
import type { Database } from '../db/types.ts';
import { AppError } from '../errors.ts';
import { activePhone } from '../repositories/phone-factors.ts';
import { countUnusedRecoveryCodes } from '../repositories/recovery-codes.ts';
import type { UserRef } from '../repositories/refs.ts';

/** A user's two-factor state, as both the partner and the element see it. */
export async function twoFactorState(db: Kysely<Database>, ref: UserRef | undefined) {
  const phone = ref ? await activePhone(db, ref) : undefined;
  return {
    enabled: phone !== undefined,
    phone: phone ? { masked: phone.masked, country: phone.country } : null,
    enabledAt: phone ? (phone.enabled_at ?? phone.verified_at) : null,
    recoveryCodesRemaining: phone && ref ? await countUnusedRecoveryCodes(db, ref) : 0,
  };
}

export async function requireActivePhone(db: Kysely<Database>, ref: UserRef) {
  const phone = await activePhone(db, ref);
  if (!phone) throw new AppError('not_enabled');
  return phone;
}
