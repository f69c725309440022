import { isIP } from 'node:net';
import type { Kysely, Transaction } from 'kysely';
import type { Database } from '../db/types.ts';
import { AppError } from '../errors.ts';
import { type RequestContext, recordEvent } from '../repositories/audit-events.ts';
import { type CounterState, countSend, overLimit } from '../repositories/send-counters.ts';
import type { TenantSettings } from './tenant-settings.ts';
import type { TenantContext } from './tenants.ts';

/** The client address as the limits count it: IPv4 as is, IPv6 by its /64 (one customer's block). */
export function ipKey(ip: string | null): string | null {
  if (!ip) return null;
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(ip);
  if (mapped?.[1]) return mapped[1];
  if (isIP(ip) !== 6) return ip;
  const [head = '', tail = ''] = ip.split('::');
  const left = head ? head.split(':') : [];
  const right = tail ? tail.split(':') : [];
  const groups = ip.includes('::')
    ? [...left, ...Array(8 - left.length - right.length).fill('0'), ...right]
    : left;
  return `${groups
    .slice(0, 4)
    .map((g) => g.toLowerCase().replace(/^0+(?=.)/, ''))
    .join(':')}::/64`;
}

export interface SendFacts {
  channel: 'sms' | 'email';
  userId: string;
  ipKey: string | null;
  phone?: { index: string; prefixIndex: string; country: string };
}

interface Limit {
  name: string;
  value: (facts: SendFacts) => string | null | undefined;
  smsOnly: boolean;
  bucketSeconds: number;
  /** Buckets counted, the current one included: a send counts until that many have begun. */
  buckets: number;
  max: (settings: TenantSettings) => number;
  message: string;
}

const MINUTE = 60;
const DAY = 86_400;

/**
 * The limits of docs/security.md "SMS pumping and cost", each a tenant setting, in the order they
 * refuse. The velocity windows slide by the minute: a send counts in the minute it was admitted and
 * in the next 10 (or 60), so for at least the window and less than a minute more. The budget
 * counts the UTC day.
 */
const limits: Limit[] = [
  {
    name: 'per-number',
    value: (f) => f.phone?.index,
    smsOnly: true,
    bucketSeconds: MINUTE,
    buckets: 11,
    max: (s) => s.smsPerNumberPer10Minutes,
    message: 'Too many codes were sent to this number. Try again later.',
  },
  {
    name: 'per-prefix',
    value: (f) => f.phone?.prefixIndex,
    smsOnly: true,
    bucketSeconds: MINUTE,
    buckets: 61,
    max: (s) => s.smsPerPrefixPerHour,
    message: 'Too many codes were sent to numbers like this one. Try again later.',
  },
  {
    name: 'per-country',
    value: (f) => f.phone?.country,
    smsOnly: true,
    bucketSeconds: MINUTE,
    buckets: 61,
    max: (s) => s.smsPerCountryPerHour,
    message: 'Too many codes were sent to this country. Try again later.',
  },
  {
    name: 'per-user',
    value: (f) => f.userId,
    smsOnly: false,
    bucketSeconds: MINUTE,
    buckets: 61,
    max: (s) => s.codesPerUserPerHour,
    message: 'Too many codes were sent for this account. Try again later.',
  },
  {
    name: 'per-ip',
    value: (f) => f.ipKey,
    smsOnly: false,
    bucketSeconds: MINUTE,
    buckets: 61,
    max: (s) => s.codesPerIpPerHour,
    message: 'Too many codes were asked from this network. Try again later.',
  },
  {
    name: 'daily-budget',
    value: () => 'sms',
    smsOnly: true,
    bucketSeconds: DAY,
    buckets: 1,
    max: (s) => s.dailySmsBudget,
    message:
      'This site has sent all the text messages it can today. Try again tomorrow, or use a recovery code.',
  },
];

/** Seconds until the oldest bucket with a send in it leaves the counter's window. */
function secondsUntilOldestLeaves(counter: CounterState, now: Date) {
  const oldest = Math.max(
    0,
    counter.counts.findIndex((n) => n > 0),
  );
  const leavesAt = counter.bucketStart.getTime() + (oldest + 1) * counter.bucketSeconds * 1000;
  return Math.max(1, Math.ceil((leavesAt - now.getTime()) / 1000));
}

/**
 * Counts one send in every limit that applies to it, before any provider call, in the caller's
 * transaction, and refuses it when it would go over one: the caller's transaction then fails, by
 * the time it commits, with an error that `sendRefusal` turns into `rate_limited` (with `limit` and
 * `retryAfter`) for the first limit in the order above, and rolls back, so the refused send counts
 * nowhere. Sends wait for each other only where they share a counter row, until the caller's
 * transaction ends: call it last, right before the commit.
 */
export async function admitSend(
  trx: Transaction<Database>,
  tenant: TenantContext,
  facts: SendFacts,
  now = new Date(),
) {
  const counters = limits.flatMap((limit) => {
    const key = limit.value(facts);
    if (key == null || (limit.smsOnly && facts.channel !== 'sms')) return [];
    const { name: scope, bucketSeconds, buckets } = limit;
    return [{ scope, key, bucketSeconds, buckets, max: limit.max(tenant.settings) }];
  });
  // The send's record goes in the counting statement: the counter rows are the ones other sends
  // wait for, so nothing but the commit follows them.
  const record = {
    userId: facts.userId,
    channel: facts.channel,
    phoneIndex: facts.phone?.index ?? null,
    prefixIndex: facts.phone?.prefixIndex ?? null,
    country: facts.phone?.country ?? null,
    ipKey: facts.ipKey,
  };
  await countSend(trx, tenant.id, counters, now, record);
}

/** The refusal of a send that `admitSend` counted over a limit, or undefined for any other error. */
export function sendRefusal(error: unknown): AppError | undefined {
  const counter = overLimit(error);
  const limit = counter && limits.find(({ name }) => name === counter.scope);
  if (!counter || !limit) return undefined;
  return new AppError('rate_limited', {
    message: limit.message,
    extra: { retryAfter: secondsUntilOldestLeaves(counter, counter.now), limit: limit.name },
  });
}

/** The send limit a refusal came from, or undefined for any other error. */
export function refusedLimit(error: unknown): string | undefined {
  if (!(error instanceof AppError) || error.code !== 'rate_limited') return undefined;
  const limit = error.extra.limit;
  return typeof limit === 'string' ? limit : undefined;
}

/** Every refused send is an audit event, so a tenant can see an attack (`GET /v1/refusals`). */
export async function recordSendRefusal(
  db: Kysely<Database>,
  tenantId: string,
  userId: string,
  limit: string,
  context: RequestContext,
  details: Record<string, unknown> = {},
) {
  await recordEvent(db, {
    tenantId,
    userId,
    type: 'send.refused',
    context,
    details: { limit, ...details },
  });
}
