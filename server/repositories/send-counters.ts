import { sql, type Transaction } from 'kysely';
import { statementPer } from '../db/statements.ts';
import type { Database } from '../db/types.ts';
import { type SendRow, sendRecord } from './send-log.ts';

/** One counter a send is counted in: a limit, the value it counts by, and its buckets. */
export interface CounterSpec {
  scope: string;
  key: string;
  bucketSeconds: number;
  /** How many buckets the counter keeps, the current one included. */
  buckets: number;
}

/** A counter after the send was counted in it: `counts[i]` started `counts.length - 1 - i` buckets before `bucketStart`. */
export interface CounterState {
  scope: string;
  bucketStart: Date;
  bucketSeconds: number;
  counts: number[];
}

/**
 * Counts one send in every counter, in one statement, and answers each counter's buckets with the
 * send in its newest one. Each row stays locked until the transaction ends, so a send to the same
 * counter waits for this one's commit or rollback and then counts from what is committed: a send
 * that goes over a limit rolls back, and counts nothing.
 *
 * On conflict the stored buckets shift left by the buckets that have passed since the row's newest
 * (all of them when the whole window has passed) and the send is added to the newest. A send whose
 * clock is behind the row's (another instance) is counted in the row's newest bucket: a little
 * later than it happened, so it counts a little longer, never shorter.
 */
export async function countSend(
  trx: Transaction<Database>,
  tenantId: string,
  counters: CounterSpec[],
  now: Date,
  /** The send's record, written by the same statement. */
  send: SendRow,
): Promise<CounterState[]> {
  const values: CountValues = { tenantId, ...send };
  counters.forEach((counter, i) => {
    const size = counter.bucketSeconds * 1000;
    values[`scope_${i}`] = counter.scope;
    values[`key_${i}`] = counter.key;
    values[`seconds_${i}`] = counter.bucketSeconds;
    values[`start_${i}`] = new Date(Math.floor(now.getTime() / size) * size);
    values[`buckets_${i}`] = counter.buckets;
  });
  const result = await trx.executeQuery(countIn(counters.length, values));
  return result.rows.map((row) => ({
    scope: row.scope,
    bucketStart: new Date(row.bucket_start),
    bucketSeconds: row.bucket_seconds,
    counts: row.counts.map(Number),
  }));
}

type CountValues = { tenantId: string } & SendRow &
  Record<`${'scope' | 'key' | 'seconds' | 'start' | 'buckets'}_${number}`, string | number | Date>;

const countIn = statementPer((size: number) => (db, values: CountValues) => {
  const rows = Array.from(
    { length: size },
    (_, i) => sql`(${values.tenantId}, ${values[`scope_${i}`]}, ${values[`key_${i}`]},
      ${values[`seconds_${i}`]}::integer, ${values[`start_${i}`]}::timestamptz,
      array_fill(0, array[${values[`buckets_${i}`]}::integer - 1]) || 1)`,
  );
  const passed = sql`least(greatest(floor(extract(epoch from excluded.bucket_start - c.bucket_start)
    / excluded.bucket_seconds), 0), cardinality(excluded.counts))::integer`;
  const query = sql<{
    scope: string;
    bucket_start: Date;
    bucket_seconds: number;
    counts: number[];
  }>`with alongside as (${sendRecord(db, values.tenantId, values)})
    insert into send_counters as c (tenant_id, scope, key, bucket_seconds, bucket_start, counts)
    values ${sql.join(rows)}
    on conflict (tenant_id, scope, key) do update set
      bucket_seconds = excluded.bucket_seconds,
      bucket_start = greatest(c.bucket_start, excluded.bucket_start),
      counts = case
        when c.bucket_seconds <> excluded.bucket_seconds then excluded.counts
        else (
          select shifted[1 : n - 1] || (shifted[n] + 1)
          from (select cardinality(excluded.counts) as n) size,
          lateral (select array_fill(0, array[n]) || c.counts || array_fill(0, array[${passed}])
            as padded) p,
          lateral (select padded[cardinality(padded) - n + 1 :] as shifted) s
        )
      end
    returning scope, bucket_start, bucket_seconds, counts`;
  return { compile: () => query.compile(db) };
});
