import { randomUUID } from 'node:crypto';
import type { ExpressionBuilder, Kysely, Transaction } from 'kysely';
import { readAfterNext, writeWithNext } from '../db/pipeline.ts';
import { statement, statementPer } from '../db/statements.ts';
import type { Database, VerificationCode } from '../db/types.ts';
import {
  type AuditEvent,
  announce,
  type ChangeRecordRow,
  changeRecordRow,
  withChangeRecord,
} from './audit-events.ts';
import type { Keyed, SessionRef, UserRef } from './refs.ts';
import { sessionOfToken } from './widget-sessions.ts';

/** The session's codes of `purposes` not replaced by a resend and not yet used. */
function unspent(ref: Keyed<SessionRef>, purposes: readonly string[]) {
  return (eb: ExpressionBuilder<Database, 'verification_codes'>) =>
    eb.and([
      eb('session_id', '=', ref.sessionId),
      eb('user_id', '=', ref.userId),
      eb('tenant_id', '=', ref.tenantId),
      eb('purpose', 'in', purposes),
      eb('superseded_at', 'is', null),
      eb('consumed_at', 'is', null),
    ]);
}

function sessionCodes(db: Kysely<Database>, ref: SessionRef) {
  return db
    .selectFrom('verification_codes')
    .selectAll()
    .where('session_id', '=', ref.sessionId)
    .where('user_id', '=', ref.userId)
    .where('tenant_id', '=', ref.tenantId);
}

/**
 * The live code of a sequence: the latest one not replaced by a resend and not yet used. With
 * `sentOnly`, only one the provider has accepted (a reserved code is not verifiable yet).
 */
export async function liveCode(
  db: Kysely<Database>,
  ref: SessionRef,
  purposes: readonly string[],
  options: { sentOnly: boolean },
): Promise<VerificationCode | undefined> {
  const read = latestUnspent([options.sentOnly, ...purposes], { ...ref });
  return (await db.executeQuery(read)).rows[0];
}

/** `liveCode` (any, sent or not), read right behind the transaction's next statement (pipeline.ts). */
export function liveCodeAfterNext(
  db: Kysely<Database>,
  ref: SessionRef,
  purposes: readonly string[],
) {
  return readAfterNext(db, latestUnspent([false, ...purposes], { ...ref }), (rows) => rows[0]);
}

/**
 * The same read (any code, sent or not), for the session behind a token's hash: sent right behind
 * authentication's statement, which locks the user's row, in its round trip (a send's reservation,
 * services/locked-authentication.ts).
 */
export function sessionLiveCodeAfterNext(
  trx: Transaction<Database>,
  tokenHash: string,
  purposes: readonly string[],
) {
  return readAfterNext(trx, latestUnspentOfSession(purposes, { tokenHash }), (rows) => rows[0]);
}

function latestUnspentShape(
  db: Kysely<Database>,
  ref: Keyed<SessionRef>,
  purposes: readonly string[],
  sentOnly: boolean,
) {
  let query = db.selectFrom('verification_codes').selectAll().where(unspent(ref, purposes));
  if (sentOnly) query = query.where('sent_at', 'is not', null);
  return query.orderBy('created_at', 'desc').limit(1);
}

/** Shaped by whether only sent codes count, then the purposes. */
const latestUnspent = statementPer(
  ([sentOnly, ...purposes]: [boolean, ...string[]]) =>
    (db, ref: SessionRef) =>
      latestUnspentShape(db, ref, purposes, sentOnly),
);

const latestUnspentOfSession = statementPer(
  (purposes: readonly string[]) => (db, values: { tokenHash: string }) =>
    latestUnspentShape(db, sessionOfToken(db, values.tokenHash), purposes, false),
);

/**
 * Codes of the session since `since` that are not the live, sent one: used, replaced, or never
 * confirmed sent. To tell a repeat of the patient's own code from a guess.
 */
export async function spentCodes(db: Kysely<Database>, ref: SessionRef, since: Date) {
  return sessionCodes(db, ref)
    .where('created_at', '>', since)
    .where((eb) =>
      eb.or([
        eb('consumed_at', 'is not', null),
        eb('superseded_at', 'is not', null),
        eb('sent_at', 'is', null),
      ]),
    )
    .execute();
}

interface NewCode {
  purpose: string;
  channel: 'sms' | 'email';
  phoneFactorId: string | null;
  hash: string;
  sendNumber: number;
  expiresAt: Date;
  resendAt: Date;
}

export async function insertCode(trx: Transaction<Database>, ref: SessionRef, code: NewCode) {
  // Its id made here, the row needs no answer: the insert goes out with the next statement.
  const row = {
    id: randomUUID(),
    expires_at: code.expiresAt,
    resend_at: code.resendAt,
    send_number: code.sendNumber,
  };
  await writeWithNext(
    trx,
    insertCodeRow({
      ...ref,
      ...code,
      id: row.id,
    }),
  );
  return row;
}

const insertCodeRow = statement((db, values: SessionRef & NewCode & { id: string }) =>
  db.insertInto('verification_codes').values({
    id: values.id,
    tenant_id: values.tenantId,
    user_id: values.userId,
    session_id: values.sessionId,
    purpose: values.purpose,
    channel: values.channel,
    phone_factor_id: values.phoneFactorId,
    code_hash: values.hash,
    send_number: values.sendNumber,
    expires_at: values.expiresAt,
    resend_at: values.resendAt,
  }),
);

/**
 * The code went out: it becomes verifiable and every earlier live code of its sequence stops.
 * `event` (the send's audit event) is written by the same statement.
 */
export async function markCodeSent(
  trx: Transaction<Database>,
  ref: SessionRef,
  id: string,
  purposes: readonly string[],
  event: AuditEvent,
  now = new Date(),
) {
  await writeWithNext(trx, markSent(purposes, { ...ref, id, now, ...changeRecordRow({ event }) }));
  announce(event);
}

const markSent = statementPer(
  (purposes: readonly string[]) =>
    (db, values: SessionRef & { id: string; now: Date } & ChangeRecordRow) =>
      withChangeRecord(db, values, 'without notice')
        .with('earlier', (db) =>
          db
            .updateTable('verification_codes')
            .set({ superseded_at: values.now })
            .where(unspent(values, purposes))
            .where('id', '!=', values.id),
        )
        .updateTable('verification_codes')
        .set({ sent_at: values.now })
        .where('id', '=', values.id)
        .where('user_id', '=', values.userId)
        .where('tenant_id', '=', values.tenantId),
);

/**
 * A code the provider failed to take: never verifiable, but kept (as replaced, never sent), since a
 * provider that timed out may still deliver it; typing it then is recognised and not counted.
 */
export async function abandonCode(trx: Transaction<Database>, ref: UserRef, id: string) {
  await trx
    .updateTable('verification_codes')
    .set({ superseded_at: new Date() })
    .where('id', '=', id)
    .where('user_id', '=', ref.userId)
    .where('tenant_id', '=', ref.tenantId)
    .execute();
}

export async function deleteCode(db: Kysely<Database>, ref: UserRef, id: string) {
  await db
    .deleteFrom('verification_codes')
    .where('id', '=', id)
    .where('user_id', '=', ref.userId)
    .where('tenant_id', '=', ref.tenantId)
    .execute();
}

/**
 * Takes one try of a live code, in the statement that checks the cap: of any number of parallel
 * wrong answers, at most `maxAttempts` are ever judged. Undefined when the code is dead or gone.
 */
export async function takeTry(
  trx: Transaction<Database>,
  ref: UserRef,
  id: string,
  maxAttempts: number,
) {
  return trx
    .updateTable('verification_codes')
    .set((eb) => ({ attempts: eb('attempts', '+', 1) }))
    .where('id', '=', id)
    .where('user_id', '=', ref.userId)
    .where('tenant_id', '=', ref.tenantId)
    .where('consumed_at', 'is', null)
    .where('attempts', '<', maxAttempts)
    .returning('attempts')
    .executeTakeFirst();
}

/**
 * Uses a code and takes its try in one conditional update, only while it is live: not used, not
 * replaced, a try left, not expired. Parallel requests for one code succeed once.
 */
function useWhileLive(db: Kysely<Database>, ref: Keyed<UserRef>, maxAttempts: number, now: Date) {
  return db
    .updateTable('verification_codes')
    .set((eb) => ({ consumed_at: now, attempts: eb('attempts', '+', 1) }))
    .where('user_id', '=', ref.userId)
    .where('tenant_id', '=', ref.tenantId)
    .where('consumed_at', 'is', null)
    .where('superseded_at', 'is', null)
    .where('attempts', '<', maxAttempts)
    .where('expires_at', '>', now)
    .returningAll()
    .returning((eb) =>
      eb
        .selectFrom('phone_factors as p')
        .select('p.masked')
        .whereRef('p.id', '=', 'verification_codes.phone_factor_id')
        .as('phone_masked'),
    );
}

/** A code as it was used: with the masked number it went to (null for an email code). */
export type UsedCode = VerificationCode & { phone_masked: string | null };

/**
 * Uses a code that matched, once. Undefined when another request used it first, or it died.
 */
export async function consumeCode(
  trx: Transaction<Database>,
  ref: UserRef,
  id: string,
  maxAttempts: number,
  now = new Date(),
) {
  return useWhileLive(trx, ref, maxAttempts, now).where('id', '=', id).executeTakeFirst();
}

/**
 * The common case in one statement: takes a try of the live code of `purposes` and uses it, for
 * the caller to compare (in constant time). Undefined when there is no live code with a try left
 * and time to run. A code that does not match is given back whole with `untakeCode`, in the same
 * transaction.
 */
export async function takeLiveCode(
  trx: Transaction<Database>,
  ref: SessionRef,
  purposes: readonly string[],
  maxAttempts: number,
  now = new Date(),
) {
  const take = takeLive(purposes, { ...ref, maxAttempts, now });
  return (await trx.executeQuery(take)).rows[0];
}

/**
 * The same take, for the session behind a token's hash: sent right behind authentication's
 * statement, which locks the user's row, in its round trip, and run once that lock is held
 * (services/locked-authentication.ts). The transaction must roll back when the attempt is refused
 * before the code is judged (a lockout, another tenant's origin): the take is already done.
 */
export function takeSessionCodeAfterNext(
  trx: Transaction<Database>,
  tokenHash: string,
  purposes: readonly string[],
  maxAttempts: number,
  now = new Date(),
) {
  const take = takeLiveOfSession(purposes, { tokenHash, maxAttempts, now });
  return readAfterNext(trx, take, (rows) => rows[0]);
}

type TakeValues = { maxAttempts: number; now: Date };

function takeLiveShape(
  db: Kysely<Database>,
  ref: Keyed<SessionRef>,
  purposes: readonly string[],
  values: TakeValues,
) {
  return useWhileLive(db, ref, values.maxAttempts, values.now).where('id', '=', (eb) =>
    eb
      .selectFrom('verification_codes')
      .select('id')
      .where(unspent(ref, purposes))
      .where('sent_at', 'is not', null)
      .orderBy('created_at', 'desc')
      .limit(1),
  );
}

const takeLive = statementPer(
  (purposes: readonly string[]) => (db, values: SessionRef & TakeValues) =>
    takeLiveShape(db, values, purposes, values),
);

const takeLiveOfSession = statementPer(
  (purposes: readonly string[]) => (db, values: { tokenHash: string } & TakeValues) =>
    takeLiveShape(db, sessionOfToken(db, values.tokenHash), purposes, values),
);

/** Undoes `takeLiveCode` for a code that did not match: unused again, its try given back. */
export async function untakeCode(trx: Transaction<Database>, ref: UserRef, id: string) {
  await trx
    .updateTable('verification_codes')
    .set((eb) => ({ consumed_at: null, attempts: eb('attempts', '-', 1) }))
    .where('id', '=', id)
    .where('user_id', '=', ref.userId)
    .where('tenant_id', '=', ref.tenantId)
    .execute();
}

/** Every code of the user not yet used: two-factor is going off, nothing in flight may finish. */
export async function deleteUnusedCodes(trx: Transaction<Database>, ref: UserRef) {
  await trx
    .deleteFrom('verification_codes')
    .where('user_id', '=', ref.userId)
    .where('tenant_id', '=', ref.tenantId)
    .where('consumed_at', 'is', null)
    .execute();
}
