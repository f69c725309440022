import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';

/** Starts `server/main.ts` as `npm start` does; resolves with its URL once it says where it listens. */
function startServer(env: Record<string, string>) {
  const child = spawn(process.execPath, ['--import', 'tsx', 'server/main.ts'], {
    env: { PATH: process.env.PATH, PORT: '0', LOG_LEVEL: 'warn', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  const url = new Promise<string>((resolve, reject) => {
    const onData = (chunk: Buffer) => {
      output += chunk;
      const match = /listening on (http:\/\/\S+)/.exec(output);
      if (match?.[1]) resolve(match[1]);
    };
    child.stdout.on('data', onData);
    child.stderr.on('data', onData);
    child.once('exit', (code) => reject(new Error(`exited ${code}: ${output}`)));
  });
  const exited = new Promise<number | null>((resolve) => child.once('exit', resolve));
  return { child, url, exited, output: () => output };
}

test('starts on PGlite, answers /readyz, and shuts down cleanly on SIGTERM', {
  timeout: 180_000,
}, async () => {
  const dataDir = await mkdtemp(join(tmpdir(), 'tfa-main-'));
  for (const round of ['fresh data', 'existing data']) {
    const server = startServer({ DATA_DIR: dataDir });
    const url = await server.url;
    const ready = await fetch(`${url}/readyz`);
    assert.equal(ready.status, 200, round);
    assert.ok(existsSync(join(dataDir, 'pglite.lock')), 'data directory locked while running');
    server.child.kill('SIGTERM');
    assert.equal(await server.exited, 0, `${round}: clean exit\n${server.output()}`);
    assert.ok(!existsSync(join(dataDir, 'pglite.lock')), 'lock released on shutdown');
  }
  assert.ok(existsSync(join(dataDir, 'encryption.key')), 'development key generated into DATA_DIR');
});

test('starts on PostgreSQL when DATABASE_URL is set', {
  timeout: 60_000,
  skip: !process.env.DATABASE_URL && 'needs DATABASE_URL',
}, async () => {
  const server = startServer({
    DATABASE_URL: process.env.DATABASE_URL as string,
    ENCRYPTION_KEY: 'ab'.repeat(32),
  });
  const url = await server.url;
  assert.equal((await fetch(`${url}/readyz`)).status, 200);
  server.child.kill('SIGINT');
  assert.equal(await server.exited, 0);
});
