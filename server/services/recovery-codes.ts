import { createHmac, timingSafeEqual } from 'node:crypto';
import type { Kysely, Transaction } from 'kysely';
import type { ServerKeys } from '../crypto/keys.ts';
import { pooledRandomBytes } from '../crypto/random-pool.ts';
import { seal, unseal } from '../crypto/sealed-fields.ts';
import type { Database } from '../db/types.ts';
import { AppError } from '../errors.ts';
import {
  findRecoveryCodes,
  markRecoveryCodeUsed,
  replaceRecoveryCodes,
  type StoredSet,
} from '../repositories/recovery-codes.ts';
import type { UserRef } from '../repositories/refs.ts';
import { RECOVERY_CODE_LENGTH } from '../security-constants.ts';
import type { AttemptOutcome } from './lockout.ts';
import type { TenantContext } from './tenants.ts';

/** Crockford base32: no I, L, O or U, so codes read aloud or copied by hand survive. */
const ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';

/** 32 letters, so the low five bits of a random byte pick one with no bias. */
export function generateRecoveryCode(): string {
  let code = '';
  for (const byte of pooledRandomBytes(RECOVERY_CODE_LENGTH)) code += ALPHABET[byte & 31];
  return code;
}

/** `XXXX-XXXX-XXXX-XXXX`, as shown to the user. */
export function formatRecoveryCode(code: string): string {
  return code.match(/.{1,4}/g)?.join('-') ?? code;
}

/** What the user typed, as stored: any case, dashes and spaces ignored, I/L read as 1 and O as 0. */
export function normaliseRecoveryCode(input: string): string | null {
  const code = input.toUpperCase().replace(/[\s-]/g, '').replace(/[IL]/g, '1').replace(/O/g, '0');
  return code.length === RECOVERY_CODE_LENGTH && [...code].every((c) => ALPHABET.includes(c))
    ? code
    : null;
}

export function hashRecoveryCode(key: Buffer, userId: string, code: string) {
  return createHmac('sha256', key).update(`recovery\n${userId}\n${code}`).digest('base64url');
}

/** Where a set's codes are sealed to, together. */
export function recoveryCodesPlace(ref: UserRef) {
  return { table: 'recovery_code_sets', column: 'codes_sealed', ...ref } as const;
}

/** Where each code of a set written before was sealed to, alone: its first table's names. */
export function legacyRecoveryCodePlace(ref: UserRef) {
  return { table: 'recovery_codes', column: 'code_encrypted', ...ref } as const;
}

/** The codes of a set sealed together, in their order. */
export const sealRecoveryCodes = (keys: ServerKeys, codes: string[], ref: UserRef) =>
  seal(keys, codes.join('\n'), recoveryCodesPlace(ref));

/** The plain codes of a viewable set, in their order; null for a set kept as hashes only. */
export function openRecoveryCodes(
  keys: ServerKeys,
  set: { codes_sealed: string | null; codes_encrypted: string[] | null },
  ref: UserRef,
): string[] | null {
  if (set.codes_sealed) return unseal(keys, set.codes_sealed, recoveryCodesPlace(ref)).split('\n');
  const place = legacyRecoveryCodePlace(ref);
  return set.codes_encrypted?.map((sealed) => unseal(keys, sealed, place)) ?? null;
}

/**
 * A new set, of the tenant's size and viewability, replacing the whole previous one, in a
 * transaction that holds the user's row (repositories/locks.ts). Returns the codes, formatted, to
 * show once.
 */
export async function issueRecoveryCodes(
  trx: Transaction<Database>,
  keys: ServerKeys,
  tenant: Pick<TenantContext, 'id' | 'settings'>,
  userId: string,
): Promise<string[]> {
  const { shown, stored } = newRecoveryCodeSet(keys, tenant, userId);
  await replaceRecoveryCodes(trx, { tenantId: tenant.id, userId }, stored);
  return shown;
}

/** A new set, of the tenant's size and viewability: as shown once, and as stored. */
export function newRecoveryCodeSet(
  keys: ServerKeys,
  tenant: Pick<TenantContext, 'id' | 'settings'>,
  userId: string,
): { shown: string[]; stored: StoredSet } {
  // The settings this request read with its session, never a cached copy: a tenant that has turned
  // viewing off gets no encrypted copies from any request after.
  const { settings } = tenant;
  const codes = Array.from({ length: settings.recoveryCodeCount }, generateRecoveryCode);
  const ref = { tenantId: tenant.id, userId };
  const stored = {
    hashes: codes.map((code) => hashRecoveryCode(keys.codes, userId, code)),
    sealed: settings.recoveryCodesViewable ? sealRecoveryCodes(keys, codes, ref) : null,
  };
  return { shown: codes.map(formatRecoveryCode), stored };
}

/**
 * Inside a verification attempt: uses the matching unused code (compared in constant time, used
 * once by a conditional update). No match is a counted failure, like a wrong code; a code of the
 * set already used is said to be used, and not counted (the patient's repeat, not a guess).
 */
export async function consumeRecoveryCode(
  trx: Transaction<Database>,
  keys: ServerKeys,
  ref: UserRef,
  input: string,
): Promise<AttemptOutcome<{ remaining: number }>> {
  const wrong = { ok: false as const, error: new AppError('invalid_code'), countsAsFailure: true };
  const code = normaliseRecoveryCode(input);
  if (!code) return wrong;
  // A set made before a key rotation, and not viewable (so not re-hashed), was hashed under a
  // previous key: each key of the ring is tried.
  const candidates = [keys, ...keys.previous].map((key) =>
    Buffer.from(hashRecoveryCode(key.codes, ref.userId, code)),
  );
  const set = await findRecoveryCodes(trx, ref);
  if (!set) return wrong;
  const position = set.code_hashes.findIndex((hash) => {
    const expected = Buffer.from(hash);
    return candidates.some(
      (actual) => expected.length === actual.length && timingSafeEqual(expected, actual),
    );
  });
  if (position === -1) return wrong;
  const hash = set.code_hashes[position] as string;
  if (
    set.used_positions.includes(position) ||
    !(await markRecoveryCodeUsed(trx, ref, { position, hash }))
  ) {
    return { ok: false, error: new AppError('recovery_code_used'), countsAsFailure: false };
  }
  const remaining = set.code_hashes.length - set.used_positions.length - 1;
  return { ok: true, value: { remaining } };
}

/** The set as the user may view it again, or null when it was not kept viewable. */
export async function viewRecoveryCodes(db: Kysely<Database>, keys: ServerKeys, ref: UserRef) {
  const set = await findRecoveryCodes(db, ref);
  const codes = set && openRecoveryCodes(keys, set, ref);
  if (!set || !codes) return null;
  return codes.map((code, position) => ({
    code: formatRecoveryCode(code),
    used: set.used_positions.includes(position),
  }));
}
