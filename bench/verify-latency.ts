import { randomBytes } from 'node:crypto';
import autocannon from 'autocannon';
import { Kysely } from 'kysely';
import pg from 'pg';
import { runCommand } from '../server/cli/commands.ts';
import { postgresDialect } from '../server/db/connect.ts';
import { migrateToLatest } from '../server/db/migrate.ts';
import type { Database } from '../server/db/types.ts';
import { startServer } from './server-process.ts';

const CONNECTIONS = 50;
const SAMPLES = 1500;
const PREPARE_CONCURRENCY = 25;
const ORIGIN = 'https://bench.clinic.example';

/** A client address per request: the server trusts X-Forwarded-For here, so no per-address limit binds. */
const clientAddress = (i: number) => `10.${(i >> 16) & 255}.${(i >> 8) & 255}.${i & 255}`;

async function createDatabase(url: string) {
  const name = `tfa_bench_${process.pid}`;
  const admin = new pg.Client({ connectionString: url });
  await admin.connect();
  await admin.query(`drop database if exists ${name} with (force)`);
  await admin.query(`create database ${name}`);
  await admin.end();
  const target = new URL(url);
  target.pathname = `/${name}`;
  return {
    url: target.toString(),
    async drop() {
      const dropper = new pg.Client({ connectionString: url });
      await dropper.connect();
      await dropper.query(`drop database if exists ${name} with (force)`);
      await dropper.end();
    },
  };
}

/** A tenant whose per-tenant limits leave room for the run. */
async function createTenant(url: string) {
  const db = new Kysely<Database>({ dialect: postgresDialect(url) });
  await migrateToLatest(db);
  let output = '';
  const limits = ['--codes-per-ip-per-hour', '1000000', '--codes-per-user-per-hour', '1000000'];
  const more = [
    '--sms-per-prefix-per-hour',
    '1000000',
    '--sms-per-country-per-hour',
    '1000000',
    '--daily-sms-budget',
    '1000000',
  ];
  await runCommand(
    ['tenant', 'create', '--name', 'Bench', '--origin', ORIGIN, '--json', ...limits, ...more],
    db,
    (text) => {
      output += text;
    },
  );
  await db.destroy();
  return JSON.parse(output) as { tenantId: string; secretKey: string };
}

/** One session with a code sent to its own number, the code read from the dev outbox. */
async function prepareSession(base: string, secretKey: string, i: number) {
  const ip = clientAddress(100_000 + i);
  const minted = await fetch(`${base}/v1/sessions`, {
    method: 'POST',
    headers: {
      authorization: `Bearer ${secretKey}`,
      'content-type': 'application/json',
      'x-forwarded-for': ip,
    },
    body: JSON.stringify({ userId: `bench-${i}`, purpose: 'setup' }),
  });
  const { token } = (await minted.json()) as { token: string };
  const phone = `+336${String(10_000_000 + i).padStart(8, '0')}`;
  const sent = await fetch(`${base}/v1/widget/phone`, {
    method: 'POST',
    headers: {
      authorization: `Bearer ${token}`,
      origin: ORIGIN,
      'content-type': 'application/json',
      'x-forwarded-for': ip,
    },
    body: JSON.stringify({ phone }),
  });
  if (sent.status !== 200) throw new Error(`send ${i}: ${sent.status} ${await sent.text()}`);
  // As a developer on this machine: the outbox answers loopback clients only (each its own counter).
  const outbox = await fetch(`${base}/dev/outbox`, {
    headers: { accept: 'application/json', 'x-forwarded-for': `127.${ip.slice(3)}` },
  });
  if (!outbox.ok) throw new Error(`outbox ${i}: ${outbox.status} ${await outbox.text()}`);
  const { messages } = (await outbox.json()) as { messages: { to: string; body: string }[] };
  const code = messages.find((m) => m.to === phone)?.body.match(/#(\d{6})$/)?.[1];
  if (!code) throw new Error(`no code for session ${i}`);
  return { token, code };
}

/** Prepares `count` sessions, `PREPARE_CONCURRENCY` at a time (the outbox keeps the last 200). */
async function prepareSessions(base: string, secretKey: string, count: number) {
  const prepared: { token: string; code: string }[] = [];
  for (let start = 0; start < count; start += PREPARE_CONCURRENCY) {
    const batch = Array.from({ length: Math.min(PREPARE_CONCURRENCY, count - start) }, (_, k) =>
      prepareSession(base, secretKey, start + k),
    );
    prepared.push(...(await Promise.all(batch)));
    if ((start / PREPARE_CONCURRENCY) % 10 === 0)
      process.stdout.write(`  ${prepared.length}/${count}\r`);
  }
  return prepared;
}

function load(
  url: string,
  amount: number,
  request: (i: number) => {
    path: string;
    method: 'GET' | 'POST';
    headers: Record<string, string>;
    body?: string;
  },
) {
  let next = 0;
  return autocannon({
    url,
    connections: CONNECTIONS,
    amount,
    requests: [
      {
        setupRequest: (req) => {
          const { path, method, headers, body } = request(next++);
          return {
            ...req,
            path,
            method,
            headers: { ...headers, 'x-forwarded-for': clientAddress(next) },
            body,
          };
        },
      },
    ],
  });
}

/** p50 / p99 of POST /v1/widget/phone/verify under 50 connections, beside GET /readyz (one query). */
export async function verifyLatencyBench(databaseUrl: string) {
  const database = await createDatabase(databaseUrl);
  const tenant = await createTenant(database.url);
  const server = startServer({
    DATABASE_URL: database.url,
    ENCRYPTION_KEY: randomBytes(32).toString('hex'),
    TRUST_PROXY: 'true',
    LOG_LEVEL: 'warn',
  });
  try {
    const { url } = await server.ready;
    console.log(`\nPreparing ${SAMPLES} enrolments with a code sent…`);
    const sessions = await prepareSessions(url, tenant.secretKey, SAMPLES);
    await load(url, 500, () => ({ path: '/healthz', method: 'GET', headers: {} }));
    const floor = await load(url, SAMPLES, () => ({ path: '/readyz', method: 'GET', headers: {} }));
    const verify = await load(url, SAMPLES, (i) => {
      const session = sessions[i % sessions.length] as { token: string; code: string };
      return {
        path: '/v1/widget/phone/verify',
        method: 'POST',
        headers: {
          authorization: `Bearer ${session.token}`,
          origin: ORIGIN,
          'content-type': 'application/json',
        },
        body: JSON.stringify({ code: session.code }),
      };
    });
    const ok = verify['2xx'];
    console.log(
      `\nLatency under ${CONNECTIONS} connections, PostgreSQL (${SAMPLES} requests each)`,
    );
    console.log('| route | p50 ms | p99 ms | req/s | p50 × floor | p99 × floor |');
    console.log('|---|---:|---:|---:|---:|---:|');
    for (const [name, result] of [
      ['GET /readyz (floor: one query)', floor],
      ['POST /v1/widget/phone/verify', verify],
    ] as const) {
      const { p50, p99 } = result.latency;
      console.log(
        `| ${name} | ${p50} | ${p99} | ${Math.round(result.requests.average)} | ${(p50 / floor.latency.p50).toFixed(1)} | ${(p99 / floor.latency.p99).toFixed(1)} |`,
      );
    }
    console.log(
      `phone/verify answered 2xx ${ok} of ${verify.requests.total} (each turns two-factor on and makes 10 recovery codes)`,
    );
    if (ok !== SAMPLES)
      throw new Error(
        `only ${ok} of ${SAMPLES} verifications succeeded: ${JSON.stringify(verify.statusCodeStats)}`,
      );
  } finally {
    await server.stop();
    await database.drop();
  }
}
