// `npm run bench`: figures beside floors and a peer measured in the same run, never asserted by a
// test. PostgreSQL from DATABASE_URL (default: the local one); the bench makes and drops its own
// databases. BENCH_ROUNDS (default 5), BENCH_REQUESTS (per target and round, default 2000), and
// BENCH_PROFILE=<dir> for a CPU profile of the server, BENCH_TARGETS=<word,…> for only the
// targets whose names contain one of them, BENCH_DB_LATENCY_MS=<ms> for a network's delay each way
// between every server and PostgreSQL.
import { buildServer } from '../scripts/build-server.ts';
import { startupBench } from './startup.ts';
import { throughputBench } from './throughput.ts';

const databaseUrl = process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
const rounds = Number(process.env.BENCH_ROUNDS ?? 5);
const amount = Number(process.env.BENCH_REQUESTS ?? 2000);
// The server as `npm run build` bundles it, so start-up measures no TypeScript.
await buildServer();
if (process.env.BENCH_ONLY !== 'throughput') await startupBench(databaseUrl);
if (process.env.BENCH_ONLY !== 'startup') await throughputBench(databaseUrl, { rounds, amount });
