import { type Kysely, sql, type Transaction } from 'kysely';
import { writeWithNext } from '../db/pipeline.ts';
import { statementPer } from '../db/statements.ts';
import type { Database, Tenant, User, WidgetSession } from '../db/types.ts';
import { forgetLockedSession } from './locks.ts';
import type { Keyed, SessionRef, UserRef } from './refs.ts';

export async function insertSession(
  db: Kysely<Database>,
  ref: UserRef,
  session: {
    purpose: string;
    tokenHash: string;
    email: string | null;
    locale: string | null;
    accountName: string | null;
    expiresAt: Date;
  },
) {
  await db
    .insertInto('widget_sessions')
    .values({
      tenant_id: ref.tenantId,
      user_id: ref.userId,
      purpose: session.purpose,
      token_hash: session.tokenHash,
      email: session.email,
      locale: session.locale,
      account_name: session.accountName,
      expires_at: session.expiresAt,
    })
    .execute();
}

/** What authentication locks, in a transaction: nothing, the user's row, or it and the session's. */
export type AuthenticationLock = 'read' | 'user locked' | 'user and session locked';

const sessionByTokenHash = statementPer(
  (lock: AuthenticationLock) => (db, values: { tokenHash: string }) => {
    const read = db
      .selectFrom('widget_sessions as s')
      .innerJoin('users as u', (join) =>
        join.onRef('u.id', '=', 's.user_id').onRef('u.tenant_id', '=', 's.tenant_id'),
      )
      .innerJoin('tenants as t', 't.id', 's.tenant_id')
      .selectAll('s')
      .select([
        'u.external_id as user_external_id',
        'u.email as user_email',
        'u.created_at as user_created_at',
        'u.failed_attempts as user_failed_attempts',
        'u.locked_until as user_locked_until',
        't.name as tenant_name',
        't.settings as tenant_settings',
      ])
      // In no order: authentication sorts them. An array of a subquery needs no aggregate.
      .select(
        sql<string[]>`array(select o.origin from tenant_origins o where o.tenant_id = t.id)`.as(
          'tenant_origins',
        ),
      )
      .where('s.token_hash', '=', values.tokenHash);
    // The user's row, then the session's (the lock order: repositories/locks.ts); rows are
    // locked in the order the statement names them.
    if (lock === 'user and session locked') return read.forNoKeyUpdate(['u', 's']);
    return lock === 'user locked' ? read.forNoKeyUpdate('u') : read;
  },
);

/**
 * The ids of the session behind a token's hash, each read by the statement that names it: for the
 * statements sent with authentication, in its round trip, before its answer is in.
 */
export function sessionOfToken(db: Kysely<Database>, tokenHash: string): Keyed<SessionRef> {
  const read = (column: 'id' | 'user_id' | 'tenant_id') =>
    db
      .selectFrom('widget_sessions')
      .select(column)
      .where('token_hash', '=', tokenHash)
      .$asScalar<typeof column>();
  return { sessionId: read('id'), userId: read('user_id'), tenantId: read('tenant_id') };
}

/**
 * The session behind a token's hash, with its user and its tenant (settings and allowed origins),
 * in one query: every widget request's start, read fresh each time. In a transaction, the same
 * statement may also lock the user's row, or it and the session's, as `lockUser` does.
 */
export async function findSessionByTokenHash(
  db: Kysely<Database>,
  tokenHash: string,
  lock: AuthenticationLock = 'read',
): Promise<
  | {
      session: WidgetSession;
      user: User;
      tenant: Pick<Tenant, 'id' | 'name' | 'settings'> & { origins: string[] };
    }
  | undefined
> {
  const [row] = (await db.executeQuery(sessionByTokenHash(lock, { tokenHash }))).rows;
  if (!row) return undefined;
  const {
    user_external_id,
    user_email,
    user_created_at,
    user_failed_attempts,
    user_locked_until,
    tenant_name,
    tenant_settings,
    tenant_origins,
    ...session
  } = row;
  const user: User = {
    id: session.user_id,
    tenant_id: session.tenant_id,
    external_id: user_external_id,
    email: user_email,
    created_at: user_created_at,
    failed_attempts: user_failed_attempts,
    locked_until: user_locked_until,
  };
  const tenant = {
    id: session.tenant_id,
    name: tenant_name,
    settings: tenant_settings,
    origins: tenant_origins,
  };
  return { session, user, tenant };
}

/** Whether the session is still there (not signed out, expired and purged, or erased). */
export async function sessionExists(db: Kysely<Database>, ref: SessionRef) {
  const row = await db
    .selectFrom('widget_sessions')
    .select('id')
    .where('id', '=', ref.sessionId)
    .where('tenant_id', '=', ref.tenantId)
    .where('user_id', '=', ref.userId)
    .executeTakeFirst();
  return row !== undefined;
}

export function setStepUpUntil(trx: Transaction<Database>, ref: SessionRef, until: Date) {
  return changeSession(trx, 'step_up_until', { ...ref, value: until });
}

export function setCompletedSteps(trx: Transaction<Database>, ref: SessionRef, steps: string[]) {
  return changeSession(trx, 'completed_steps', { ...ref, value: JSON.stringify(steps) });
}

/** A change to the locked session, sent with the transaction's next statement. */
async function changeSession(
  trx: Transaction<Database>,
  column: 'step_up_until' | 'completed_steps',
  values: SessionRef & { value: Date | string },
) {
  forgetLockedSession(trx);
  await writeWithNext(trx, changeColumn(column, values));
}

const changeColumn = statementPer(
  (column: 'step_up_until' | 'completed_steps') =>
    (db, values: SessionRef & { value: Date | string }) =>
      db
        .updateTable('widget_sessions')
        .set(
          column === 'step_up_until'
            ? { step_up_until: values.value as Date }
            : { completed_steps: values.value as string },
        )
        .where('id', '=', values.sessionId)
        .where('user_id', '=', values.userId)
        .where('tenant_id', '=', values.tenantId),
);
