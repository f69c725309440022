import type { Kysely, QueryCreator, Transaction } from 'kysely';
import { writeWithNext } from '../db/pipeline.ts';
import { statement } from '../db/statements.ts';
import type { Database } from '../db/types.ts';
import type { noticeRow } from './outbound-notices.ts';

/** Where a request came from, recorded with every security event. */
export interface RequestContext {
  ip: string | null;
  userAgent: string | null;
}

/** An event as its observers see it, once written. */
export type EventObserver = (event: { type: string; details: Record<string, unknown> }) => void;

// The server's metrics count events here; one server per process, so one set for the module.
const observers = new Set<EventObserver>();

/** Calls `observer` after each event is written; returns the function that stops it. */
export function observeEvents(observer: EventObserver): () => void {
  observers.add(observer);
  return () => observers.delete(observer);
}

export interface AuditEvent {
  tenantId: string;
  userId?: string | null;
  type: string;
  context?: RequestContext;
  details?: Record<string, unknown>;
}

function eventRow(event: AuditEvent) {
  return {
    tenant_id: event.tenantId,
    user_id: event.userId ?? null,
    type: event.type,
    ip: event.context?.ip ?? null,
    user_agent: event.context?.userAgent?.slice(0, 512) ?? null,
    details: JSON.stringify(event.details ?? {}),
  };
}

/** A security change's record: its event and, when an email goes, the notice queued about it. */
export interface ChangeRecord {
  event: AuditEvent;
  notice?: NoticeRow;
}

export function announce(event: AuditEvent) {
  for (const observe of observers) observe({ type: event.type, details: event.details ?? {} });
}

export async function recordEvent(db: Kysely<Database>, event: AuditEvent) {
  await writeWithNext(db, insertEvent(eventRow(event)));
  announce(event);
}

/** The event and the notice queued about it, in one statement of the change's transaction. */
export async function recordEventWithNotice(
  trx: Transaction<Database>,
  event: AuditEvent,
  notice: NoticeRow,
) {
  await writeWithNext(trx, insertEventWithNotice({ ...eventRow(event), ...noticeColumns(notice) }));
  announce(event);
}

type EventRow = ReturnType<typeof eventRow>;
type NoticeRow = ReturnType<typeof noticeRow>;
type NoticeColumns = { [Column in keyof NoticeRow as `notice_${Column}`]: NoticeRow[Column] };
/** A change record's values, for a statement that writes it (without a notice, nulls). */
export type ChangeRecordRow = EventRow & {
  [Column in keyof NoticeColumns]: NoticeColumns[Column] | null;
};

const noticeColumns = (notice: NoticeRow): NoticeColumns => ({
  notice_tenant_id: notice.tenant_id,
  notice_user_id: notice.user_id,
  notice_type: notice.type,
  notice_payload: notice.payload,
});

const NO_NOTICE = {
  notice_tenant_id: null,
  notice_user_id: null,
  notice_type: null,
  notice_payload: null,
};

export function changeRecordRow({ event, notice }: ChangeRecord): ChangeRecordRow {
  return { ...eventRow(event), ...(notice ? noticeColumns(notice) : NO_NOTICE) };
}

const eventValues = (row: EventRow): EventRow => ({
  tenant_id: row.tenant_id,
  user_id: row.user_id,
  type: row.type,
  ip: row.ip,
  user_agent: row.user_agent,
  details: row.details,
});

const eventInsert = (db: QueryCreator<Database>, row: EventRow) =>
  db.insertInto('audit_events').values(eventValues(row));

const insertEvent = statement((db, row: EventRow) => eventInsert(db, row));

const insertEventWithNotice = statement((db, row: EventRow & NoticeColumns) =>
  db
    .with('event', (db) => eventInsert(db, row))
    .insertInto('outbound_notices')
    .values(noticeValues(row)),
);

const noticeValues = (row: NoticeColumns) => ({
  tenant_id: row.notice_tenant_id,
  user_id: row.notice_user_id,
  type: row.notice_type,
  payload: row.notice_payload,
});

/**
 * A change record as writes alongside the statement that makes the change (`db` gets them as
 * CTEs that nothing reads, which PostgreSQL runs once the statement's own change is done): the
 * change and its record then cost one statement. `notice`, a shape: the statement is built once
 * with it and once without. Nothing reads them, so the statement is typed as without them.
 */
export function withChangeRecord(
  db: QueryCreator<Database>,
  row: ChangeRecordRow,
  notice: 'with notice' | 'without notice',
): QueryCreator<Database> {
  const withEvent = db.with('event', (db) => eventInsert(db, row));
  if (notice === 'without notice') return withEvent as unknown as QueryCreator<Database>;
  return withEvent.with('notice', (db) =>
    db.insertInto('outbound_notices').values(noticeValues(row as EventRow & NoticeColumns)),
  ) as unknown as QueryCreator<Database>;
}

/** A page of events, newest first, of one user or (with `type`) of one kind across the tenant. */
export async function listEvents(
  db: Kysely<Database>,
  filter: { tenantId: string; userId?: string; type?: string },
  page: { limit: number; before?: number },
) {
  let query = db
    .selectFrom('audit_events')
    .leftJoin('users', (join) =>
      join
        .onRef('users.id', '=', 'audit_events.user_id')
        .onRef('users.tenant_id', '=', 'audit_events.tenant_id'),
    )
    .select([
      'audit_events.id',
      'audit_events.type',
      'audit_events.ip',
      'audit_events.user_agent',
      'audit_events.details',
      'audit_events.created_at',
      'users.external_id',
    ])
    .where('audit_events.tenant_id', '=', filter.tenantId)
    .orderBy('audit_events.id', 'desc')
    .limit(page.limit + 1);
  if (filter.userId) query = query.where('audit_events.user_id', '=', filter.userId);
  if (filter.type) query = query.where('audit_events.type', '=', filter.type);
  if (page.before !== undefined) query = query.where('audit_events.id', '<', String(page.before));
  const rows = await query.execute();
  const last = rows.length > page.limit ? rows[page.limit - 1] : undefined;
  return { rows: rows.slice(0, page.limit), nextBefore: last ? Number(last.id) : null };
}
