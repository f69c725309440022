import { sql, type Transaction } from 'kysely';
import { writeWithNext } from '../db/pipeline.ts';
import { statementPer } from '../db/statements.ts';
import type { Database } from '../db/types.ts';
import { type SendRow, sendRecord } from './send-log.ts';

/** One counter a send is counted in: a limit, the value it counts by, its buckets and its most. */
export interface CounterSpec {
  scope: string;
  key: string;
  bucketSeconds: number;
  /** How many buckets the counter keeps, the current one included. */
  buckets: number;
  /** The most sends the window may hold; one more is refused. */
  max: number;
}

/** A counter after the send was counted in it: `counts[i]` started `counts.length - 1 - i` buckets before `bucketStart`. */
export interface CounterState {
  scope: string;
  bucketStart: Date;
  bucketSeconds: number;
  counts: number[];
}

/** Raised by the counting statement (migration 20261203-1400-send-limit-refusal). */
const SEND_LIMIT_REACHED = 'TF429';

/**
 * Counts one send in every counter, in one statement, which refuses the send when a counter, with
 * the send in it, holds more than its most: the first such counter in the order given is raised,
 * and `overLimit` reads it from the error. The transaction then rolls back, so a refused send
 * counts nowhere. Each row stays locked until the transaction ends, so a send to the same counter
 * waits for this one's commit or rollback and then counts from what is committed. The statement
 * goes out with the transaction's next one, the commit when called last: nothing waits for its
 * answer, so the rows every send of a tenant shares are held for no round trip.
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
): Promise<void> {
  const values: CountValues = { tenantId, now, ...send };
  counters.forEach((counter, i) => {
    const size = counter.bucketSeconds * 1000;
    values[`scope_${i}`] = counter.scope;
    values[`key_${i}`] = counter.key;
    values[`seconds_${i}`] = counter.bucketSeconds;
    values[`start_${i}`] = new Date(Math.floor(now.getTime() / size) * size);
    values[`buckets_${i}`] = counter.buckets;
    values[`max_${i}`] = counter.max;
  });
  await writeWithNext(trx, countIn(counters.length, values));
}

/** The counter a refused send went over, with the send in it, and the time it was counted at. */
export function overLimit(error: unknown): (CounterState & { now: Date }) | undefined {
  const { code, detail } = (error ?? {}) as { code?: unknown; detail?: unknown };
  if (code !== SEND_LIMIT_REACHED || typeof detail !== 'string') return undefined;
  const counter = JSON.parse(detail);
  return {
    scope: counter.scope,
    bucketStart: new Date(counter.bucketStart),
    bucketSeconds: counter.bucketSeconds,
    counts: counter.counts,
    now: new Date(counter.now),
  };
}

type CountValues = { tenantId: string; now: Date } & SendRow &
  Record<
    `${'scope' | 'key' | 'seconds' | 'start' | 'buckets' | 'max'}_${number}`,
    string | number | Date
  >;

const countIn = statementPer((size: number) => (db, values: CountValues) => {
  const rows = Array.from(
    { length: size },
    (_, i) => sql`(${values.tenantId}, ${values[`scope_${i}`]}, ${values[`key_${i}`]},
      ${values[`seconds_${i}`]}::integer, ${values[`start_${i}`]}::timestamptz,
      array_fill(0, array[${values[`buckets_${i}`]}::integer - 1]) || 1)`,
  );
  const limits = Array.from(
    { length: size },
    (_, i) => sql`(${values[`scope_${i}`]}, ${values[`max_${i}`]}::integer, ${sql.lit(i)})`,
  );
  const passed = sql`least(greatest(floor(extract(epoch from excluded.bucket_start - c.bucket_start)
    / excluded.bucket_seconds), 0), cardinality(excluded.counts))::integer`;
  const query = sql`with alongside as (${sendRecord(db, values.tenantId, values)}),
    counted as (
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
      returning scope, bucket_start, bucket_seconds, counts
    ),
    first_over as materialized (
      select counted.*
      from counted join (values ${sql.join(limits)}) as l (scope, most, position) using (scope)
      where (select sum(n) from unnest(counted.counts) n) > l.most
      order by l.position
      limit 1
    )
    select send_limit_reached(json_build_object('scope', scope, 'bucketStart', bucket_start,
      'bucketSeconds', bucket_seconds, 'counts', counts, 'now', ${values.now}::timestamptz)::text)
    from first_over`;
  return { compile: () => query.compile(db) };
});
