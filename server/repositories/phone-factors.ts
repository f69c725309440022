import { randomUUID } from 'node:crypto';
import type { Kysely, QueryCreator, Transaction } from 'kysely';
import { writeWithNext } from '../db/pipeline.ts';
import { statement, statementPer } from '../db/statements.ts';
import type { Database, PhoneFactor } from '../db/types.ts';
import {
  announce,
  type ChangeRecord,
  type ChangeRecordRow,
  changeRecordRow,
  withChangeRecord,
} from './audit-events.ts';
import { type StoredSet, upsertSet } from './recovery-codes.ts';
import type { UserRef } from './refs.ts';

export async function activePhone(
  db: Kysely<Database>,
  ref: UserRef,
): Promise<PhoneFactor | undefined> {
  return db
    .selectFrom('phone_factors')
    .selectAll()
    .where('user_id', '=', ref.userId)
    .where('tenant_id', '=', ref.tenantId)
    .where('status', '=', 'active')
    .executeTakeFirst();
}

export async function findPhone(db: Kysely<Database>, ref: UserRef, id: string) {
  return db
    .selectFrom('phone_factors')
    .selectAll()
    .where('id', '=', id)
    .where('user_id', '=', ref.userId)
    .where('tenant_id', '=', ref.tenantId)
    .executeTakeFirst();
}

/** A number typed but not yet verified, as it will be stored: it protects nothing until activated. */
export function pendingPhone(
  ref: UserRef,
  phone: { encrypted: string; index: string; country: string; masked: string },
): PhoneFactor {
  return {
    id: randomUUID(),
    tenant_id: ref.tenantId,
    user_id: ref.userId,
    status: 'pending',
    phone_encrypted: phone.encrypted,
    phone_index: phone.index,
    country: phone.country,
    masked: phone.masked,
    created_at: new Date(),
    verified_at: null,
    enabled_at: null,
  };
}

/** Sent with the next statement: a new id, pending, under the locked user, so nothing refuses it. */
export async function insertPendingPhone(trx: Transaction<Database>, phone: PhoneFactor) {
  await writeWithNext(trx, insertPhone(phone));
}

const insertPhone = statement((db, phone: PhoneFactor) =>
  db.insertInto('phone_factors').values({
    id: phone.id,
    tenant_id: phone.tenant_id,
    user_id: phone.user_id,
    status: phone.status,
    phone_encrypted: phone.phone_encrypted,
    phone_index: phone.phone_index,
    country: phone.country,
    masked: phone.masked,
    created_at: phone.created_at,
    verified_at: phone.verified_at,
    enabled_at: phone.enabled_at,
  }),
);

/**
 * The verified number becomes the user's one active phone, in one statement of the caller's
 * transaction, sent with the statement after it (nothing reads its answer): the active one before
 * it and every pending number go. Two-factor stays on since it was first on: the new phone keeps
 * the older one's `enabled_at`, or else takes `onSince` (the app's, or now). The caller decided
 * what the change is (an enrolment, a change of phone, a phone beside the app) from the methods it
 * read under the user's lock.
 *
 * The update reads `others`, so the old active row is deleted before the new one turns active:
 * a deleting CTE that nothing reads runs after the main statement, and the new active phone would
 * meet the old one in the one-active-phone unique index.
 *
 * When the phone turns two-factor on, `turningOn` goes in the same statement: the first set of
 * recovery codes and the change's record (its event, and its notice), written once the phone is
 * active. Nothing in it reads what another part writes.
 */
export async function activatePhone(
  trx: Transaction<Database>,
  ref: UserRef,
  id: string,
  onSince: Date,
  turningOn?: { set: StoredSet; record: ChangeRecord },
) {
  const values = { ...ref, id, now: new Date(), onSince };
  if (!turningOn) return writeWithNext(trx, activate(values));
  const { set, record } = turningOn;
  const shape = record.notice ? 'with notice' : 'without notice';
  await writeWithNext(
    trx,
    activateTurningOn(shape, { ...values, ...set, ...changeRecordRow(record) }),
  );
  announce(record.event);
}

type ActivationValues = UserRef & { id: string; now: Date; onSince: Date };

const activate = statement((db, values: ActivationValues) => activation(db, values));

// The CTEs written alongside are read by nothing: the statement is typed as without them.
const alongside = (db: unknown) => db as QueryCreator<Database>;

const activateTurningOn = statementPer(
  (notice: 'with notice' | 'without notice') =>
    (db, values: ActivationValues & StoredSet & ChangeRecordRow) => {
      const withSet = alongside(db.with('code_set', (db) => upsertSet(db, values)));
      return activation(withChangeRecord(withSet, values, notice), values);
    },
);

function activation(db: QueryCreator<Database>, values: ActivationValues) {
  return db
    .with('others', (db) =>
      db
        .deleteFrom('phone_factors')
        .where('user_id', '=', values.userId)
        .where('tenant_id', '=', values.tenantId)
        .where('id', '!=', values.id)
        .returning(['status', 'enabled_at', 'verified_at']),
    )
    .updateTable('phone_factors')
    .set((eb) => ({
      status: 'active',
      verified_at: values.now,
      enabled_at: eb.fn.coalesce(
        eb
          .selectFrom('others')
          .select((inner) => inner.fn.coalesce('enabled_at', 'verified_at').as('since'))
          .where('status', '=', 'active'),
        eb.val(values.onSince),
      ),
    }))
    .where('id', '=', values.id)
    .where('user_id', '=', values.userId)
    .where('tenant_id', '=', values.tenantId);
}

/** Removes one number, or (without `id`) every number of the user. */
export async function deletePhones(db: Kysely<Database>, ref: UserRef, id?: string) {
  let query = db
    .deleteFrom('phone_factors')
    .where('user_id', '=', ref.userId)
    .where('tenant_id', '=', ref.tenantId);
  if (id) query = query.where('id', '=', id);
  await query.execute();
}
