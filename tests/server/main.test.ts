import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { startServer } from '../helpers/server-process.ts';

test('starts on PGlite, answers /readyz, and shuts down cleanly on SIGTERM', {
  timeout: 180_000,
}, async () => {
  const dataDir = await mkdtemp(join(tmpdir(), 'tfa-main-'));
  for (const round of ['fresh data', 'existing data']) {
    const server = startServer({ DATA_DIR: dataDir, NODE_ENV: 'development', DEV_OUTBOX: 'true' });
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

/** Runs `server/main.ts` with only `env`, expecting it to refuse: its exit status and stderr. */
function refusedStart(env: Record<string, string>) {
  const dataDir = join(tmpdir(), `tfa-refused-${process.pid}-${Math.random()}`);
  const result = spawnSync(process.execPath, ['--import', 'tsx', 'server/main.ts'], {
    env: { PATH: process.env.PATH, PORT: '0', DATA_DIR: dataDir, ...env },
    encoding: 'utf8',
    timeout: 60_000,
  });
  assert.ok(!existsSync(dataDir), 'refused before touching DATA_DIR');
  return result;
}

test('with no configuration, refuses to start and says what to set', { timeout: 60_000 }, () => {
  const result = refusedStart({});
  assert.equal(result.status, 1, result.stderr);
  assert.match(result.stderr, /Invalid configuration/);
  assert.match(result.stderr, /ENCRYPTION_KEY: is required in production/);
  assert.match(result.stderr, /PLIVO_AUTH_ID, PLIVO_AUTH_TOKEN and PLIVO_SENDER/);
  assert.match(result.stderr, /POSTMARK_SERVER_TOKEN and POSTMARK_FROM/);
  assert.match(result.stderr, /NODE_ENV=development and DEV_OUTBOX=true/);
  assert.doesNotMatch(result.stdout, /listening/);
});

test('with Plivo set and Postmark missing, refuses rather than log email codes', {
  timeout: 60_000,
}, () => {
  const plivo = { PLIVO_AUTH_ID: 'MA1', PLIVO_AUTH_TOKEN: 'secret', PLIVO_SENDER: 'Clinic' };
  const envs: Record<string, string>[] = [
    { ENCRYPTION_KEY: 'ab'.repeat(32) },
    { NODE_ENV: 'development' },
  ];
  for (const env of envs) {
    const result = refusedStart({ ...plivo, ...env });
    assert.equal(result.status, 1, result.stderr);
    assert.match(result.stderr, /Email: set POSTMARK_SERVER_TOKEN and POSTMARK_FROM/);
    assert.doesNotMatch(result.stderr, /SMS:|ENCRYPTION_KEY/);
  }
});

test('starts on PostgreSQL when DATABASE_URL is set', {
  timeout: 60_000,
  skip: !process.env.DATABASE_URL && 'needs DATABASE_URL',
}, async () => {
  const server = startServer({
    DATABASE_URL: process.env.DATABASE_URL as string,
    ENCRYPTION_KEY: 'ab'.repeat(32),
    // Production, with providers that start-up never calls.
    PLIVO_AUTH_ID: 'MA1',
    PLIVO_AUTH_TOKEN: 'secret',
    PLIVO_SENDER: 'Clinic',
    POSTMARK_SERVER_TOKEN: 'secret',
    POSTMARK_FROM: 'no-reply@clinic.example',
  });
  const url = await server.url;
  assert.equal((await fetch(`${url}/readyz`)).status, 200);
  assert.equal((await fetch(`${url}/dev/outbox`)).status, 404, 'no outbox in production');
  server.child.kill('SIGINT');
  assert.equal(await server.exited, 0);
});
