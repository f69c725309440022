import type { Kysely } from 'kysely';
import { readAfterNext, writeWithNext } from '../db/pipeline.ts';
import { type RowOf, statement } from '../db/statements.ts';
import type { Database } from '../db/types.ts';
import type { Keyed, SessionRef, UserRef } from './refs.ts';
import { sessionOfToken } from './widget-sessions.ts';

/**
 * The user's active methods and preference in one statement: the active phone (what the answers
 * show of it) and the active app (what verifying a code needs), each null when absent.
 */
export async function activeMethods(db: Kysely<Database>, ref: UserRef) {
  return methodsOf((await db.executeQuery(methodsQuery(ref))).rows[0]);
}

/**
 * The same read, sent right behind the statement after this call (the lock of the user's row) in
 * its round trip, and run once that lock is held (db/pipeline.ts).
 */
export function activeMethodsAfterNext(db: Kysely<Database>, ref: UserRef) {
  return readAfterNext(db, methodsQuery(ref), (rows) => methodsOf(rows[0]));
}

/**
 * The same read, for the session behind a token's hash: sent in authentication's round trip, before
 * the session is known (services/locked-authentication.ts).
 */
export function sessionMethodsAfterNext(db: Kysely<Database>, tokenHash: string) {
  return readAfterNext(db, sessionMethodsQuery({ tokenHash }), (rows) => methodsOf(rows[0]));
}

const methodsQuery = statement((db, ref: UserRef) => methodsOfUser(db, ref));

const sessionMethodsQuery = statement((db, values: { tokenHash: string }) =>
  methodsOfUser(db, sessionOfToken(db, values.tokenHash)),
);

function methodsOfUser(db: Kysely<Database>, ref: Keyed<UserRef>) {
  return db
    .selectFrom('users as u')
    .leftJoin('phone_factors as p', (join) =>
      join
        .onRef('p.user_id', '=', 'u.id')
        .onRef('p.tenant_id', '=', 'u.tenant_id')
        .on('p.status', '=', 'active'),
    )
    .leftJoin('totp_factors as t', (join) =>
      join
        .onRef('t.user_id', '=', 'u.id')
        .onRef('t.tenant_id', '=', 'u.tenant_id')
        .on('t.status', '=', 'active'),
    )
    .select([
      'u.preferred_method',
      'p.id as phone_id',
      'p.masked as phone_masked',
      'p.country as phone_country',
      'p.phone_index as phone_index',
      'p.phone_encrypted as phone_encrypted',
      'p.enabled_at as phone_enabled_at',
      'p.verified_at as phone_verified_at',
      't.id as totp_id',
      't.secret_encrypted as totp_secret',
      't.confirmed_at as totp_confirmed_at',
      't.last_used_step as totp_last_used_step',
    ])
    .where('u.id', '=', ref.userId)
    .where('u.tenant_id', '=', ref.tenantId);
}

type MethodsRow = RowOf<typeof methodsQuery>;

function methodsOf(row: MethodsRow | undefined) {
  const phone = row?.phone_id
    ? {
        id: row.phone_id,
        masked: row.phone_masked as string,
        country: row.phone_country as string,
        index: row.phone_index as string,
        /** Sealed (crypto/sealed-fields.ts): what a code is sent to. */
        encrypted: row.phone_encrypted as string,
        enabledAt: (row.phone_enabled_at ?? row.phone_verified_at) as Date | null,
      }
    : null;
  const totp = row?.totp_id
    ? {
        id: row.totp_id,
        secretEncrypted: row.totp_secret as string,
        confirmedAt: row.totp_confirmed_at as Date,
        lastUsedStep: row.totp_last_used_step === null ? null : Number(row.totp_last_used_step),
      }
    : null;
  return { phone, totp, preferred: row?.preferred_method ?? null };
}

export type ActiveMethods = Awaited<ReturnType<typeof activeMethods>>;

const challengeMethodUpdate = statement((db, values: SessionRef & { method: 'sms' | 'totp' }) =>
  db
    .updateTable('widget_sessions')
    .set({ challenge_method: values.method })
    .where('id', '=', values.sessionId)
    .where('user_id', '=', values.userId)
    .where('tenant_id', '=', values.tenantId),
);

/**
 * Remembers the method the sign-in's second step asks for now, for a verify that names none. In a
 * transaction it goes out with the next statement (db/pipeline.ts); outside one, at once.
 */
export async function setChallengeMethod(
  db: Kysely<Database>,
  ref: SessionRef,
  method: 'sms' | 'totp',
) {
  await writeWithNext(db, challengeMethodUpdate({ ...ref, method }));
}
