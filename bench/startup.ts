import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { createDatabase } from './bench-database.ts';
import { startProcess } from './child-process.ts';
import { startServer } from './server-process.ts';
import { median } from './stats.ts';

const IDLE_MS = 3000;
const STARTS = 3;
const ENCRYPTION_KEY = 'ab'.repeat(32);

async function measure(start: () => ReturnType<typeof startProcess>) {
  const server = start();
  const { readyMs } = await server.ready;
  await sleep(IDLE_MS);
  const rssMb = await server.rssMb();
  await server.stop();
  return { readyMs, rssMb };
}

async function starts(name: string, start: () => ReturnType<typeof startProcess>) {
  const runs = [];
  for (let i = 0; i < STARTS; i += 1) runs.push(await measure(start));
  return { name, runs };
}

/**
 * Spawn to listening (migrations done, Node's own start included) and idle RSS 3 s later, of the
 * bundled server (built first, as `npm run build` does), STARTS times each: on PostgreSQL, and on PGlite with existing data.
 */
export async function startupBench(databaseUrl: string) {
  const database = await createDatabase(databaseUrl, `tfa_bench_startup_${process.pid}`);
  const dataDir = await mkdtemp(join(tmpdir(), 'tfa-bench-'));
  try {
    const bare = () =>
      startProcess(
        ['-e', 'console.log("listening on http://bare"); setInterval(() => {}, 1000)'],
        {},
      );
    const compiled = (env: Record<string, string>) => () =>
      startServer({ ENCRYPTION_KEY, ...env }, { compiled: true });
    // The first start on PGlite creates and migrates its data; the figures are of later starts.
    await measure(compiled({ DATA_DIR: dataDir }));
    const rows = [
      await starts('bare node (floor)', bare),
      await starts('bundled, PostgreSQL', compiled({ DATABASE_URL: database.url })),
      await starts('bundled, PGlite, existing data', compiled({ DATA_DIR: dataDir })),
    ];
    console.log(
      `\nStart-up: spawn to listening (migrations done); idle RSS ${IDLE_MS / 1000} s later`,
    );
    console.log('| server | ready ms (each start) | median | idle RSS MB (each) | median |');
    console.log('|---|---|---:|---|---:|');
    for (const { name, runs } of rows) {
      const ready = runs.map((r) => r.readyMs);
      const rss = runs.map((r) => r.rssMb);
      console.log(
        `| ${name} | ${ready.join(', ')} | ${median(ready)} | ${rss.join(', ')} | ${median(rss)} |`,
      );
    }
  } finally {
    await database.drop();
    await rm(dataDir, { recursive: true, force: true });
  }
}
