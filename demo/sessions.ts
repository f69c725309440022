import type { DemoSession } from './db-types.ts';
import { newToken, TOKEN_PATTERN, tokenId } from './tokens.ts';
import type { DemoDb } from './users.ts';

/** How long a signed-in session lasts. */
const SESSION_LIFETIME_MS = 12 * 3_600_000;
/** Time between a right password and the two-factor code: the widget session lasts 15 minutes. */
const PENDING_LIFETIME_MS = 15 * 60_000;

/** A new session; returns the cookie's token (the database keeps only its hash). */
export async function createSession(
  db: DemoDb,
  userId: string,
  options: { twoFactorPending: boolean },
): Promise<string> {
  const { token, id } = newToken();
  const lifetime = options.twoFactorPending ? PENDING_LIFETIME_MS : SESSION_LIFETIME_MS;
  await db.deleteFrom('demo_sessions').where('expires_at', '<', new Date()).execute();
  await db
    .insertInto('demo_sessions')
    .values({
      id,
      user_id: userId,
      two_factor_pending: options.twoFactorPending,
      expires_at: new Date(Date.now() + lifetime),
    })
    .execute();
  return token;
}

export async function findSession(
  db: DemoDb,
  token: string | undefined,
): Promise<DemoSession | undefined> {
  if (!token || !TOKEN_PATTERN.test(token)) return undefined;
  return db
    .selectFrom('demo_sessions')
    .selectAll()
    .where('id', '=', tokenId(token))
    .where('expires_at', '>', new Date())
    .executeTakeFirst();
}

export async function deleteSession(db: DemoDb, sessionId: string) {
  await db.deleteFrom('demo_sessions').where('id', '=', sessionId).execute();
}

/** Ends every session of the user, on every device. */
export async function deleteUserSessions(db: DemoDb, userId: string) {
  await db.deleteFrom('demo_sessions').where('user_id', '=', userId).execute();
}
