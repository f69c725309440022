import type { DemoSignUp } from './db-types.ts';
import { newToken, newUserId, TOKEN_PATTERN, tokenId } from './tokens.ts';
import { type DemoDb, normaliseEmail } from './users.ts';

/** Time to confirm the address, accept the policy and fill in the details. */
const SIGN_UP_LIFETIME_MS = 60 * 60_000;

/** A sign-up in progress for `email`; returns the cookie's token. */
export async function startSignUp(db: DemoDb, email: string): Promise<string> {
  const { token, id } = newToken();
  await db.deleteFrom('demo_sign_ups').where('expires_at', '<', new Date()).execute();
  await db
    .insertInto('demo_sign_ups')
    .values({
      id,
      user_id: newUserId(),
      email: normaliseEmail(email),
      expires_at: new Date(Date.now() + SIGN_UP_LIFETIME_MS),
    })
    .execute();
  return token;
}

export async function findSignUp(
  db: DemoDb,
  token: string | undefined,
): Promise<DemoSignUp | undefined> {
  if (!token || !TOKEN_PATTERN.test(token)) return undefined;
  return db
    .selectFrom('demo_sign_ups')
    .selectAll()
    .where('id', '=', tokenId(token))
    .where('expires_at', '>', new Date())
    .executeTakeFirst();
}

export async function markEmailVerified(db: DemoDb, signUpId: string) {
  await db
    .updateTable('demo_sign_ups')
    .set({ email_verified_at: new Date() })
    .where('id', '=', signUpId)
    .execute();
}

export async function markPrivacyAccepted(db: DemoDb, signUpId: string) {
  await db
    .updateTable('demo_sign_ups')
    .set({ privacy_accepted_at: new Date() })
    .where('id', '=', signUpId)
    .execute();
}

export async function deleteSignUp(db: DemoDb, signUpId: string) {
  await db.deleteFrom('demo_sign_ups').where('id', '=', signUpId).execute();
}
