import type { Kysely } from 'kysely';
import type { Database } from '../db/types.ts';

const DAY_MS = 86_400_000;

/** How long things are kept once they stop mattering. */
export const RETENTION = {
  /** Expired sessions, codes, results and trust: a day, for support questions about them. */
  expiredDays: 1,
  /** The send log: a record of admitted sends, for support questions. */
  sendLogDays: 2,
  /** Send counters, by their newest bucket: a day is past the longest window (the daily budget). */
  sendCounterDays: 1,
  /** Numbers typed but never verified, and app secrets shown but never confirmed. */
  pendingFactorDays: 1,
  /** Audit events: the partner's security record. */
  auditDays: 400,
} as const;

/** Deletes what has expired; safe to run on every instance at once. Returns rows deleted per table. */
export async function purgeExpired(db: Kysely<Database>, now = new Date()) {
  const before = (days: number) => new Date(now.getTime() - days * DAY_MS);
  const expired = before(RETENTION.expiredDays);
  const counts: Record<string, number> = {};
  const run = async (
    table: string,
    query: { executeTakeFirst(): Promise<{ numDeletedRows: bigint }> },
  ) => {
    counts[table] = Number((await query.executeTakeFirst()).numDeletedRows);
  };
  await run('widget_sessions', db.deleteFrom('widget_sessions').where('expires_at', '<', expired));
  await run(
    'verification_codes',
    db.deleteFrom('verification_codes').where('expires_at', '<', expired),
  );
  await run('results', db.deleteFrom('results').where('expires_at', '<', expired));
  await run(
    'trusted_browsers',
    db.deleteFrom('trusted_browsers').where('expires_at', '<', expired),
  );
  await run(
    'phone_factors',
    db
      .deleteFrom('phone_factors')
      .where('status', '=', 'pending')
      .where('created_at', '<', before(RETENTION.pendingFactorDays)),
  );
  await run(
    'totp_factors',
    db
      .deleteFrom('totp_factors')
      .where('status', '=', 'pending')
      .where('created_at', '<', before(RETENTION.pendingFactorDays)),
  );
  await run(
    'send_log',
    db.deleteFrom('send_log').where('created_at', '<', before(RETENTION.sendLogDays)),
  );
  await run(
    'send_counters',
    db.deleteFrom('send_counters').where('bucket_start', '<', before(RETENTION.sendCounterDays)),
  );
  await run(
    'audit_events',
    db.deleteFrom('audit_events').where('created_at', '<', before(RETENTION.auditDays)),
  );
  return counts;
}
