import type { Kysely } from 'kysely';
import type { DemoDatabase, DemoUser } from './db-types.ts';

export type DemoDb = Kysely<DemoDatabase>;

/** Addresses are compared without case: `Pat@Mail.example` is `pat@mail.example`. */
export function normaliseEmail(email: string): string {
  return email.trim().toLowerCase();
}

export function findUserByEmail(db: DemoDb, email: string): Promise<DemoUser | undefined> {
  return db
    .selectFrom('demo_users')
    .selectAll()
    .where('email', '=', normaliseEmail(email))
    .executeTakeFirst();
}

export function findUserById(db: DemoDb, id: string): Promise<DemoUser | undefined> {
  return db.selectFrom('demo_users').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function insertUser(
  db: DemoDb,
  user: { id: string; email: string; passwordHash: string; name: string; privacyAcceptedAt: Date },
): Promise<void> {
  await db
    .insertInto('demo_users')
    .values({
      id: user.id,
      email: normaliseEmail(user.email),
      password_hash: user.passwordHash,
      name: user.name,
      privacy_accepted_at: user.privacyAcceptedAt,
    })
    .execute();
}

export async function setPasswordHash(db: DemoDb, userId: string, passwordHash: string) {
  await db
    .updateTable('demo_users')
    .set({ password_hash: passwordHash })
    .where('id', '=', userId)
    .execute();
}

/** PostgreSQL's unique_violation: another sign-up took the address first. */
export function isUniqueViolation(error: unknown): boolean {
  return (error as { code?: unknown } | null)?.code === '23505';
}
