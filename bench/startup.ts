import { spawn } from 'node:child_process';
import { mkdtemp, readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { startServer } from './server-process.ts';

const IDLE_MS = 3000;

/** The floor: a bare Node process with tsx, started and idle the same way. */
async function bareNode() {
  const started = performance.now();
  const child = spawn(
    process.execPath,
    ['--import', 'tsx', '-e', 'console.log("up"); setInterval(() => {}, 1000)'],
    {
      stdio: ['ignore', 'pipe', 'inherit'],
    },
  );
  await new Promise((resolve) => child.stdout.once('data', resolve));
  const startupMs = Math.round(performance.now() - started);
  await sleep(IDLE_MS);
  const status = await readFile(`/proc/${child.pid}/status`, 'utf8');
  child.kill();
  return { startupMs, rssMb: Math.round(Number(/VmRSS:\s+(\d+)/.exec(status)?.[1]) / 1024) };
}

async function measure(env: Record<string, string>) {
  const server = startServer(env);
  const { startupMs } = await server.ready;
  await sleep(IDLE_MS);
  const rssMb = await server.rssMb();
  await server.stop();
  return { startupMs, rssMb };
}

/** Start-up time and idle memory on PGlite (fresh and existing data) and PostgreSQL. */
export async function startupBench(databaseUrl: string | undefined) {
  const floor = await bareNode();
  const dataDir = await mkdtemp(join(tmpdir(), 'tfa-bench-'));
  const rows: [string, { startupMs: number; rssMb: number }][] = [
    ['bare node + tsx (floor)', floor],
    ['PGlite, fresh data', await measure({ DATA_DIR: dataDir })],
    ['PGlite, existing data', await measure({ DATA_DIR: dataDir })],
  ];
  if (databaseUrl)
    rows.push([
      'PostgreSQL',
      await measure({ DATABASE_URL: databaseUrl, ENCRYPTION_KEY: 'ab'.repeat(32) }),
    ]);
  console.log('\nStart-up (listening, migrations done) and idle RSS after 3 s');
  console.log('| server | start-up ms | × floor | idle RSS MB | × floor |');
  console.log('|---|---:|---:|---:|---:|');
  for (const [name, { startupMs, rssMb }] of rows) {
    console.log(
      `| ${name} | ${startupMs} | ${(startupMs / floor.startupMs).toFixed(1)} | ${rssMb} | ${(rssMb / floor.rssMb).toFixed(1)} |`,
    );
  }
}
