import { randomBytes, randomUUID } from 'node:crypto';
import type pg from 'pg';
import { blindIndex } from '../server/crypto/encryption.ts';
import type { ServerKeys } from '../server/crypto/keys.ts';
import { seal } from '../server/crypto/sealed-fields.ts';
import { sha256 } from '../server/crypto/tokens.ts';
import { hashCode } from '../server/services/codes.ts';

export type SeedKind = 'enrol' | 'sign-in' | 'send' | 'sign-in send';

export interface PreparedSession {
  token: string;
  code: string;
}

const newToken = () => `wst_${randomBytes(32).toString('base64url')}`;
const newCode = () => String(Math.floor(Math.random() * 1_000_000)).padStart(6, '0');
/** +33 6 numbers, distinct per `n`. */
export const frenchMobile = (n: number) => `+336${String(10_000_000 + n).padStart(8, '0')}`;

/**
 * Sessions as the server leaves them after a code was sent, written by SQL with the server's own
 * keys (hashes, blind index, sealed number): setup sessions with a pending number and its enrol
 * code, sign-in sessions of enrolled users with their SMS code, bare setup sessions to send from,
 * or sign-in sessions of enrolled users before their first code (`sign-in send`).
 */
export async function seedSessions(
  client: pg.Client,
  keys: ServerKeys,
  tenantId: string,
  kind: SeedKind,
  count: number,
  offset: number,
): Promise<PreparedSession[]> {
  const now = Date.now();
  const rows = Array.from({ length: count }, (_, i) => {
    const userId = randomUUID();
    const sessionId = randomUUID();
    const phone = frenchMobile(offset + i);
    const place = { table: 'phone_factors', column: 'phone_encrypted', tenantId, userId } as const;
    const purpose = kind === 'enrol' ? 'enrol' : 'sign-in-sms';
    const code = newCode();
    return {
      userId,
      sessionId,
      token: newToken(),
      phoneId: randomUUID(),
      phoneEncrypted: seal(keys, phone, place),
      phoneIndex: blindIndex(keys.blindIndex, phone),
      masked: `+33 •• •• •• ${phone.slice(-2)}`,
      code,
      codeHash: hashCode(keys.codes, { sessionId, purpose }, code),
      purpose,
      externalId: `${kind}-${offset + i}`,
    };
  });
  const signIn = kind === 'sign-in' || kind === 'sign-in send';
  const column = <K extends keyof (typeof rows)[number]>(key: K) => rows.map((row) => row[key]);
  await client.query(
    `insert into users (id, tenant_id, external_id, email)
     select id, $1, ext, null from unnest($2::uuid[], $3::text[]) as t(id, ext)`,
    [tenantId, column('userId'), column('externalId')],
  );
  await client.query(
    `insert into widget_sessions (id, tenant_id, user_id, purpose, token_hash, locale, expires_at)
     select s, $1, u, $2, h, 'en', $3 from unnest($4::uuid[], $5::uuid[], $6::text[]) as t(s, u, h)`,
    [
      tenantId,
      signIn ? 'sign-in' : 'setup',
      new Date(now + 15 * 60_000),
      column('sessionId'),
      column('userId'),
      rows.map((row) => sha256(row.token)),
    ],
  );
  if (kind === 'send') return rows.map((row) => ({ token: row.token, code: '' }));
  await client.query(
    `insert into phone_factors (id, tenant_id, user_id, status, phone_encrypted, phone_index, country,
       masked, verified_at, enabled_at)
     select p, $1, u, $2, e, i, 'FR', m, $3, $3
     from unnest($4::uuid[], $5::uuid[], $6::text[], $7::text[], $8::text[]) as t(p, u, e, i, m)`,
    [
      tenantId,
      signIn ? 'active' : 'pending',
      signIn ? new Date(now - 86_400_000) : null,
      column('phoneId'),
      column('userId'),
      column('phoneEncrypted'),
      column('phoneIndex'),
      column('masked'),
    ],
  );
  if (kind === 'sign-in send') return rows.map((row) => ({ token: row.token, code: '' }));
  await client.query(
    `insert into verification_codes (tenant_id, user_id, session_id, purpose, channel,
       phone_factor_id, code_hash, send_number, expires_at, resend_at, sent_at)
     select $1, u, s, $2, 'sms', p, h, 1, $3, $4, $5
     from unnest($6::uuid[], $7::uuid[], $8::uuid[], $9::text[]) as t(u, s, p, h)`,
    [
      tenantId,
      rows[0]?.purpose ?? 'enrol',
      new Date(now + 10 * 60_000),
      new Date(now + 30_000),
      new Date(now),
      column('userId'),
      column('sessionId'),
      column('phoneId'),
      column('codeHash'),
    ],
  );
  return rows.map((row) => ({ token: row.token, code: row.code }));
}

/**
 * `count` sends already in the tenant's window: send-log rows over the last 50 minutes, and the
 * same added to every send counter the tenant has (its first send made them).
 */
export async function seedSendWindow(client: pg.Client, tenantId: string, count: number) {
  const user = await client.query(`select id from users where tenant_id = $1 limit 1`, [tenantId]);
  await client.query(
    `insert into send_log (tenant_id, user_id, channel, phone_index, prefix_index, country, ip_key, created_at)
     select $1, $2, 'sms', md5('p' || n), md5('x' || (n % 5000)), 'FR', '10.9.' || (n % 250) || '.1',
       now() - (n % 3000) * interval '1 second'
     from generate_series(1, $3::int) n`,
    [tenantId, user.rows[0].id, count],
  );
  const counters = await client.query(`select to_regclass('send_counters') is not null as present`);
  if (counters.rows[0].present) {
    await client.query(
      `update send_counters set counts[cardinality(counts)] = counts[cardinality(counts)] + $2
       where tenant_id = $1`,
      [tenantId, count],
    );
  }
  await client.query('analyze');
}
