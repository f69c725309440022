import type { Kysely } from 'kysely';
import type { Database } from '../db/types.ts';
import { AppError } from '../errors.ts';
import { countUnusedRecoveryCodes } from './recovery-codes.ts';

export async function activePhone(db: Kysely<Database>, userId: string) {
  return db
    .selectFrom('phone_factors')
    .selectAll()
    .where('user_id', '=', userId)
    .where('status', '=', 'active')
    .executeTakeFirst();
}

/** A user's two-factor state, as both the partner and the element see it. */
export async function twoFactorState(db: Kysely<Database>, userId: string | undefined) {
  const phone = userId ? await activePhone(db, userId) : undefined;
  return {
    enabled: phone !== undefined,
    phone: phone ? { masked: phone.masked, country: phone.country } : null,
    enabledAt: phone ? (phone.enabled_at ?? phone.verified_at) : null,
    recoveryCodesRemaining: phone && userId ? await countUnusedRecoveryCodes(db, userId) : 0,
  };
}

export async function requireActivePhone(db: Kysely<Database>, userId: string) {
  const phone = await activePhone(db, userId);
  if (!phone) throw new AppError('not_enabled');
  return phone;
}
