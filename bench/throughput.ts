import { randomBytes } from 'node:crypto';
import { Kysely } from 'kysely';
import pg from 'pg';
import { deriveKeys } from '../server/crypto/keys.ts';
import { postgresDialect } from '../server/db/connect.ts';
import { migrateToLatest } from '../server/db/migrate.ts';
import type { Database } from '../server/db/types.ts';
import { createTenant } from '../server/services/tenants.ts';
import { createDatabase } from './bench-database.ts';
import { startProcess } from './child-process.ts';
import { type LoadRequest, type LoadResult, load } from './load.ts';
import { untilQuiet } from './quiet.ts';
import { printRound, printSummary, type Round } from './report.ts';
import { type SeedKind, seedSendWindow, seedSessions } from './seed.ts';
import { startServer } from './server-process.ts';
import * as target from './targets.ts';

const WINDOW_SENDS = 100_000;
const BACKGROUND_PATIENTS = 20_000;
const PEER_USERS = 500;
/** Limits far above the run, so no send is refused: the checks themselves still all run. */
const ROOMY = {
  dailySmsBudget: 100_000_000,
  smsPerCountryPerHour: 100_000_000,
  smsPerPrefixPerHour: 100_000_000,
  codesPerIpPerHour: 100_000_000,
};

interface Setup {
  client: pg.Client;
  keys: ReturnType<typeof deriveKeys>;
  tenants: Record<
    'verify' | 'send0' | 'send100k',
    { tenantId: string; secretKey: string; origin: string }
  >;
  server: string;
  floor: string;
  peer: string;
}

/** The requests of one round, every session and code made before any is measured. */
async function prepareRound(setup: Setup, amount: number, round: number) {
  const { client, keys, tenants } = setup;
  const offset = (round + 1) * 1_000_000;
  const seed = (tenant: keyof Setup['tenants'], kind: SeedKind, n: number) =>
    seedSessions(client, keys, tenants[tenant].tenantId, kind, amount, offset + n * 100_000);
  const enrol = await seed('verify', 'enrol', 0);
  const signIn = await seed('verify', 'sign-in', 1);
  const send0 = await seed('send0', 'send', 2);
  const send100k = await seed('send100k', 'send', 3);
  const signInSend = await seed('send0', 'sign-in send', 4);
  await client.query('analyze');
  const peerPrepared = await fetch(
    `${setup.peer}/__bench/prepare?count=${amount}&users=${PEER_USERS}`,
  ).then((r) => r.json() as Promise<{ cookie: string; code: string }[]>);
  const targets: [string, string, (i: number) => LoadRequest][] = [
    ['one query (SELECT 1)', setup.floor, target.selectOne],
    ['one write transaction', setup.floor, target.writeTransaction],
    ['verify, enrolment', setup.server, target.verifyEnrolment(enrol)],
    ['verify, sign-in', setup.server, target.verifySignIn(signIn)],
    ['send, window ≈0', setup.server, target.send(send0, tenants.send0.origin, offset + 200_000)],
    [
      'send, window 100k',
      setup.server,
      target.send(send100k, tenants.send100k.origin, offset + 300_000),
    ],
    [
      'send, sign-in',
      setup.server,
      target.sendSignIn(signInSend, tenants.send0.origin, offset + 400_000),
    ],
    ['session mint', setup.server, target.mintSession(tenants.verify.secretKey, offset)],
    ['better-auth verify-otp', setup.peer, target.peerVerify(peerPrepared, setup.peer)],
  ];
  // BENCH_TARGETS=<word,…>: only the targets whose names contain one of them (to profile one).
  const only = process.env.BENCH_TARGETS?.split(',');
  return only ? targets.filter(([name]) => only.some((word) => name.includes(word))) : targets;
}

async function runRound(setup: Setup, amount: number, round: number): Promise<Round> {
  const targets = await prepareRound(setup, amount, round);
  // Interleaved: every target once per round, starting one further along each round.
  const shift = round % targets.length;
  const order = [...targets.slice(shift), ...targets.slice(0, shift)];
  const results: Record<string, LoadResult> = {};
  for (const [name, base, request] of order) {
    await untilQuiet();
    results[name] = await load(base, amount, request);
  }
  return { order: order.map(([name]) => name), results };
}

async function setUp(databaseUrl: string) {
  const database = await createDatabase(databaseUrl, `tfa_bench_${process.pid}`);
  const peerDatabase = await createDatabase(databaseUrl, `tfa_bench_peer_${process.pid}`);
  const encryptionKey = randomBytes(32).toString('hex');
  const keys = deriveKeys(Buffer.from(encryptionKey, 'hex'));
  const db = new Kysely<Database>({ dialect: postgresDialect(database.url) });
  await migrateToLatest(db);
  const tenant = async (name: string, origin: string) => ({
    ...(await createTenant(db, { name, origins: [origin], settings: ROOMY })),
    origin,
  });
  const tenants = {
    verify: await tenant('Bench', target.ORIGIN),
    send0: await tenant('Bench sends', 'https://bench-sends.clinic.example'),
    send100k: await tenant('Bench busy sends', 'https://bench-busy.clinic.example'),
    background: await tenant('Other clinic', 'https://other.clinic.example'),
  };
  await db.destroy();
  const client = new pg.Client({ connectionString: database.url });
  await client.connect();
  // Other patients in the same tables, so no statement runs on a toy-sized table.
  await seedSessions(client, keys, tenants.background.tenantId, 'sign-in', BACKGROUND_PATIENTS, 0);
  const { through, proxy } = await databaseNetwork(databaseUrl);
  const processes = [
    startServer(
      { DATABASE_URL: through(database.url), ENCRYPTION_KEY: encryptionKey, TRUST_PROXY: 'true' },
      { compiled: true },
    ),
    startProcess(['--import', 'tsx', 'bench/floor-app.ts'], {
      DATABASE_URL: through(database.url),
    }),
    startProcess(['--import', 'tsx', 'bench/peer-app.ts'], {
      DATABASE_URL: through(peerDatabase.url),
    }),
    ...(proxy ? [proxy] : []),
  ];
  const tearDown = async () => {
    await Promise.all(processes.map((p) => p.stop()));
    await client.end();
    await database.drop();
    await peerDatabase.drop();
  };
  try {
    const [server, floor, peer] = await Promise.all(processes.map((p) => p.ready));
    const setup: Setup = {
      client,
      keys,
      tenants,
      server: server?.url as string,
      floor: floor?.url as string,
      peer: peer?.url as string,
    };
    // The busy tenant's window: its first send makes its counters, then 100,000 sends go in.
    const first = await seedSessions(client, keys, tenants.send100k.tenantId, 'send', 1, 9_000_000);
    const request = target.send(first, tenants.send100k.origin, 9_000_000)(0);
    const sent = await fetch(`${setup.server}${request.path}`, { ...request });
    if (!sent.ok) throw new Error(`first send refused: ${sent.status} ${await sent.text()}`);
    await seedSendWindow(client, tenants.send100k.tenantId, WINDOW_SENDS);
    return { setup, tearDown };
  } catch (error) {
    await tearDown();
    throw error;
  }
}
/**
 * BENCH_DB_LATENCY_MS=<ms>: every server of the bench reaches PostgreSQL through a proxy that
 * holds each chunk that long each way, as across a network; otherwise directly.
 */
async function databaseNetwork(databaseUrl: string) {
  const latency = process.env.BENCH_DB_LATENCY_MS;
  if (!latency) return { through: (url: string) => url, proxy: undefined };
  const proxy = startProcess(['--import', 'tsx', 'bench/latency-proxy.ts'], {
    TARGET_URL: databaseUrl,
    LATENCY_MS: latency,
  });
  const port = new URL((await proxy.ready).url).port;
  const through = (url: string) => {
    const proxied = new URL(url);
    proxied.hostname = '127.0.0.1';
    proxied.port = port;
    return proxied.toString();
  };
  return { through, proxy };
}

/** Throughput at 50 connections, interleaved rounds, beside the floors and better-auth. */
export async function throughputBench(
  databaseUrl: string,
  options: { rounds: number; amount: number },
) {
  const { setup, tearDown } = await setUp(databaseUrl);
  try {
    console.log(
      `\nWarm-up round (${Math.round(options.amount / 5)} requests per target, not reported)`,
    );
    await runRound(setup, Math.round(options.amount / 5), options.rounds);
    const rounds: Round[] = [];
    for (let round = 0; round < options.rounds; round += 1) {
      rounds.push(await runRound(setup, options.amount, round));
      printRound(rounds.length, rounds.at(-1) as Round);
    }
    printSummary(rounds);
  } finally {
    await tearDown();
  }
}
