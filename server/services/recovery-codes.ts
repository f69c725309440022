import { createHmac, randomInt, timingSafeEqual } from 'node:crypto';
import type { Kysely, Transaction } from 'kysely';
import { decrypt, encrypt } from '../crypto/encryption.ts';
import type { ServerKeys } from '../crypto/keys.ts';
import type { Database } from '../db/types.ts';
import { AppError } from '../errors.ts';
import { RECOVERY_CODE_LENGTH } from '../security-constants.ts';
import type { AttemptOutcome } from './lockout.ts';

/** Crockford base32: no I, L, O or U, so codes read aloud or copied by hand survive. */
const ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';

export function generateRecoveryCode(): string {
  return Array.from(
    { length: RECOVERY_CODE_LENGTH },
    () => ALPHABET[randomInt(ALPHABET.length)],
  ).join('');
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

function hashRecoveryCode(key: Buffer, userId: string, code: string) {
  return createHmac('sha256', key).update(`recovery\n${userId}\n${code}`).digest('base64url');
}

/**
 * A new set, of the tenant's size and viewability, replacing the whole previous one. Returns the
 * codes, formatted, to show once.
 */
export async function issueRecoveryCodes(
  trx: Kysely<Database>,
  keys: ServerKeys,
  tenant: { id: string; settings: { recoveryCodeCount: number; recoveryCodesViewable: boolean } },
  userId: string,
): Promise<string[]> {
  // One set at a time per user: a second issue waits, then replaces this one whole.
  await trx.selectFrom('users').select('id').where('id', '=', userId).forUpdate().execute();
  await trx.deleteFrom('recovery_codes').where('user_id', '=', userId).execute();
  const codes = Array.from({ length: tenant.settings.recoveryCodeCount }, generateRecoveryCode);
  const viewable = tenant.settings.recoveryCodesViewable;
  await trx
    .insertInto('recovery_codes')
    .values(
      codes.map((code, position) => ({
        tenant_id: tenant.id,
        user_id: userId,
        position,
        code_hash: hashRecoveryCode(keys.codes, userId, code),
        code_encrypted: viewable ? encrypt(keys.encryption, code) : null,
      })),
    )
    .execute();
  return codes.map(formatRecoveryCode);
}

/**
 * Inside a verification attempt: consumes the matching unused code (compared in constant time,
 * used once by a conditional update). No match is a counted failure, like a wrong code.
 */
export async function consumeRecoveryCode(
  trx: Transaction<Database>,
  keys: ServerKeys,
  userId: string,
  input: string,
): Promise<AttemptOutcome<{ remaining: number }>> {
  const wrong = { ok: false as const, error: new AppError('invalid_code'), countsAsFailure: true };
  const code = normaliseRecoveryCode(input);
  if (!code) return wrong;
  const actual = Buffer.from(hashRecoveryCode(keys.codes, userId, code));
  const unused = await trx
    .selectFrom('recovery_codes')
    .select(['id', 'code_hash'])
    .where('user_id', '=', userId)
    .where('used_at', 'is', null)
    .execute();
  const match = unused.find((row) => {
    const expected = Buffer.from(row.code_hash);
    return expected.length === actual.length && timingSafeEqual(expected, actual);
  });
  if (!match) return wrong;
  const used = await trx
    .updateTable('recovery_codes')
    .set({ used_at: new Date() })
    .where('id', '=', match.id)
    .where('used_at', 'is', null)
    .executeTakeFirst();
  if (used.numUpdatedRows !== 1n) return wrong;
  return { ok: true, value: { remaining: unused.length - 1 } };
}

export async function countUnusedRecoveryCodes(db: Kysely<Database>, userId: string) {
  const row = await db
    .selectFrom('recovery_codes')
    .select((eb) => eb.fn.countAll<number>().as('count'))
    .where('user_id', '=', userId)
    .where('used_at', 'is', null)
    .executeTakeFirstOrThrow();
  return Number(row.count);
}

/** The set as the user may view it again, or null when it was not kept viewable. */
export async function viewRecoveryCodes(db: Kysely<Database>, keys: ServerKeys, userId: string) {
  const rows = await db
    .selectFrom('recovery_codes')
    .select(['code_encrypted', 'used_at'])
    .where('user_id', '=', userId)
    .orderBy('position')
    .execute();
  if (rows.length === 0 || rows.some((row) => row.code_encrypted === null)) return null;
  return rows.map((row) => ({
    code: formatRecoveryCode(decrypt(keys.encryption, row.code_encrypted as string)),
    used: row.used_at !== null,
  }));
}
