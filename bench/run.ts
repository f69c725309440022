// `npm run bench`: figures beside a floor measured in the same run, never asserted by a test.
import { startupBench } from './startup.ts';
import { verifyLatencyBench } from './verify-latency.ts';

const databaseUrl = process.env.DATABASE_URL;
await startupBench(databaseUrl);
if (databaseUrl) await verifyLatencyBench(databaseUrl);
else console.log('\nSet DATABASE_URL (PostgreSQL) for the phone/verify latency benchmark.');
