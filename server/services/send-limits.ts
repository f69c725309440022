import { isIP } from 'node:net';
import type { Kysely, Transaction } from 'kysely';
import type { Database } from '../db/types.ts';
import { AppError } from '../errors.ts';
import { type RequestContext, recordEvent } from '../repositories/audit-events.ts';
import {
  countSends,
  insertSend,
  lockTenantSends,
  type SendLogColumn,
} from '../repositories/send-log.ts';
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
  column: SendLogColumn;
  value: (facts: SendFacts) => string | null | undefined;
  smsOnly: boolean;
  windowSeconds: number;
  max: (settings: TenantSettings) => number;
  message: string;
}

const HOUR = 3600;

/** The velocity limits of docs/security.md "SMS pumping and cost", each a tenant setting. */
const limits: Limit[] = [
  {
    name: 'per-number',
    column: 'phone_index',
    value: (f) => f.phone?.index,
    smsOnly: true,
    windowSeconds: 600,
    max: (s) => s.smsPerNumberPer10Minutes,
    message: 'Too many codes were sent to this number. Try again later.',
  },
  {
    name: 'per-prefix',
    column: 'prefix_index',
    value: (f) => f.phone?.prefixIndex,
    smsOnly: true,
    windowSeconds: HOUR,
    max: (s) => s.smsPerPrefixPerHour,
    message: 'Too many codes were sent to numbers like this one. Try again later.',
  },
  {
    name: 'per-country',
    column: 'country',
    value: (f) => f.phone?.country,
    smsOnly: true,
    windowSeconds: HOUR,
    max: (s) => s.smsPerCountryPerHour,
    message: 'Too many codes were sent to this country. Try again later.',
  },
  {
    name: 'per-user',
    column: 'user_id',
    value: (f) => f.userId,
    smsOnly: false,
    windowSeconds: HOUR,
    max: (s) => s.codesPerUserPerHour,
    message: 'Too many codes were sent for this account. Try again later.',
  },
  {
    name: 'per-ip',
    column: 'ip_key',
    value: (f) => f.ipKey,
    smsOnly: false,
    windowSeconds: HOUR,
    max: (s) => s.codesPerIpPerHour,
    message: 'Too many codes were asked from this network. Try again later.',
  },
];

interface Refusal {
  limit: string;
  retryAfter: number;
  message: string;
}

function startOfUtcDay(now: Date) {
  return new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate()));
}

async function findRefusal(
  trx: Transaction<Database>,
  tenant: TenantContext,
  facts: SendFacts,
): Promise<Refusal | null> {
  const now = new Date();
  for (const limit of limits) {
    const value = limit.value(facts);
    if (value == null || (limit.smsOnly && facts.channel !== 'sms')) continue;
    const since = new Date(now.getTime() - limit.windowSeconds * 1000);
    const row = await countSends(trx, tenant.id, { column: limit.column, value, since });
    if (row.count >= limit.max(tenant.settings)) {
      const oldest = row.oldest ? row.oldest.getTime() : now.getTime();
      const retryAfter = Math.max(
        1,
        Math.ceil((oldest + limit.windowSeconds * 1000 - now.getTime()) / 1000),
      );
      return { limit: limit.name, retryAfter, message: limit.message };
    }
  }
  if (facts.channel === 'sms') {
    const dayStart = startOfUtcDay(now);
    const row = await countSends(trx, tenant.id, {
      column: 'channel',
      value: 'sms',
      since: dayStart,
      inclusive: true,
    });
    if (row.count >= tenant.settings.dailySmsBudget) {
      const retryAfter = Math.ceil((dayStart.getTime() + 86_400_000 - now.getTime()) / 1000);
      return {
        limit: 'daily-budget',
        retryAfter,
        message:
          'This site has sent all the text messages it can today. Try again tomorrow, or use a recovery code.',
      };
    }
  }
  return null;
}

/**
 * Admits one send before any provider call, or refuses it with `rate_limited` and an audit event.
 * Sends of a tenant are admitted one at a time (a transaction-scoped advisory lock), so parallel
 * requests cannot all read the same count and overshoot a limit.
 */
export async function admitSend(
  db: Kysely<Database>,
  tenant: TenantContext,
  facts: SendFacts,
  context: RequestContext,
) {
  const refusal = await db.transaction().execute(async (trx) => {
    await lockTenantSends(trx, tenant.id);
    const found = await findRefusal(trx, tenant, facts);
    if (found) return found;
    await insertSend(trx, tenant.id, {
      userId: facts.userId,
      channel: facts.channel,
      phoneIndex: facts.phone?.index ?? null,
      prefixIndex: facts.phone?.prefixIndex ?? null,
      country: facts.phone?.country ?? null,
      ipKey: facts.ipKey,
    });
    return null;
  });
  if (!refusal) return;
  await recordSendRefusal(db, tenant.id, facts.userId, refusal.limit, context, {
    channel: facts.channel,
    country: facts.phone?.country,
  });
  throw new AppError('rate_limited', {
    message: refusal.message,
    extra: { retryAfter: refusal.retryAfter, limit: refusal.limit },
  });
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
