import Bowser from 'bowser';
import type { Kysely } from 'kysely';
import { randomToken, sha256 } from '../crypto/tokens.ts';
import type { Database } from '../db/types.ts';
import { TRUST_COOKIE_BYTES } from '../security-constants.ts';

/** "Chrome on macOS", from the User-Agent, for the user's list of trusted browsers. */
export function browserLabel(userAgent: string | null | undefined): string {
  if (!userAgent) return 'Unknown browser';
  const parser = Bowser.getParser(userAgent);
  const browser = parser.getBrowserName() || 'Unknown browser';
  const os = parser.getOSName();
  return os ? `${browser} on ${os}` : browser;
}

/** Remembers this browser for `days`; returns the opaque cookie value (only its hash is stored). */
export async function trustBrowser(
  db: Kysely<Database>,
  input: { tenantId: string; userId: string; userAgent: string | null; days: number },
) {
  const value = randomToken('', TRUST_COOKIE_BYTES);
  const expiresAt = new Date(Date.now() + input.days * 86_400_000);
  const label = browserLabel(input.userAgent);
  await db
    .insertInto('trusted_browsers')
    .values({
      tenant_id: input.tenantId,
      user_id: input.userId,
      token_hash: sha256(value),
      label,
      expires_at: expiresAt,
    })
    .execute();
  return { value, expiresAt, label };
}

/** The live trust this cookie gives this user, marked as used now; undefined when none. */
export async function useTrustedBrowser(
  db: Kysely<Database>,
  userId: string,
  cookie: string | undefined,
) {
  if (!cookie) return undefined;
  return db
    .updateTable('trusted_browsers')
    .set({ last_used_at: new Date() })
    .where('token_hash', '=', sha256(cookie))
    .where('user_id', '=', userId)
    .where('expires_at', '>', new Date())
    .returning(['id', 'label'])
    .executeTakeFirst();
}

export async function listTrustedBrowsers(
  db: Kysely<Database>,
  userId: string,
  cookie: string | undefined,
) {
  const current = cookie ? sha256(cookie) : null;
  const rows = await db
    .selectFrom('trusted_browsers')
    .selectAll()
    .where('user_id', '=', userId)
    .where('expires_at', '>', new Date())
    .orderBy('last_used_at', 'desc')
    .execute();
  return rows.map((row) => ({
    id: row.id,
    label: row.label,
    createdAt: row.created_at.toISOString(),
    lastUsedAt: row.last_used_at.toISOString(),
    expiresAt: row.expires_at.toISOString(),
    current: row.token_hash === current,
  }));
}

export async function countTrustedBrowsers(db: Kysely<Database>, userId: string) {
  const row = await db
    .selectFrom('trusted_browsers')
    .select((eb) => eb.fn.countAll<number>().as('count'))
    .where('user_id', '=', userId)
    .where('expires_at', '>', new Date())
    .executeTakeFirstOrThrow();
  return Number(row.count);
}

/** Ends trust: one browser (by id) or all of the user's. Returns how many ended. */
export async function revokeTrustedBrowsers(db: Kysely<Database>, userId: string, id?: string) {
  let query = db.deleteFrom('trusted_browsers').where('user_id', '=', userId);
  if (id) query = query.where('id', '=', id);
  const result = await query.executeTakeFirst();
  return Number(result.numDeletedRows);
}
