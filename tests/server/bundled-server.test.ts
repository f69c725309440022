// The production path: the server and the CLI as `npm run build` bundles them, run by node alone
// (docs/self-hosting.md). What the sources' tests cannot see: a module the bundle left out, a file
// a package reads beside itself, a lazy chunk that does not load.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { buildServer } from '../../scripts/build-server.ts';
import { startServer } from '../helpers/server-process.ts';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const ORIGIN = 'https://clinic.example';

test('the bundled server and CLI: docs, a tenant, a session, a code sent and verified', {
  timeout: 180_000,
}, async (t) => {
  // Under the project, so the packages left out of the bundle resolve as they do from dist/.
  mkdirSync(join(ROOT, 'tests/.cache'), { recursive: true });
  const outdir = mkdtempSync(join(ROOT, 'tests/.cache/server-bundle-'));
  const dataDir = mkdtempSync(join(tmpdir(), 'tfa-bundle-'));
  t.after(() => {
    rmSync(outdir, { recursive: true, force: true });
    rmSync(dataDir, { recursive: true, force: true });
  });
  await buildServer({ outdir });
  const env = { DATA_DIR: dataDir, NODE_ENV: 'development', DEV_OUTBOX: 'true' };

  const created = spawnSync(
    process.execPath,
    [
      join(outdir, 'cli.js'),
      'tenant',
      'create',
      '--name',
      'Bundle Clinic',
      '--origin',
      ORIGIN,
      '--json',
    ],
    { env: { PATH: process.env.PATH, ...env }, encoding: 'utf8', timeout: 120_000 },
  );
  assert.equal(created.status, 0, created.stderr);
  const { secretKey } = JSON.parse(created.stdout) as { secretKey: string };

  const server = startServer(env, [join(outdir, 'main.js')]);
  t.after(() => server.child.kill('SIGKILL'));
  const url = await server.url;
  assert.equal((await fetch(`${url}/healthz`)).status, 200);
  const openapi = (await (await fetch(`${url}/openapi.json`)).json()) as { paths: object };
  assert.ok('/v1/widget/phone/verify' in openapi.paths);
  const docs = await fetch(`${url}/docs/static/swagger-ui.css`);
  assert.equal(docs.status, 200, 'Swagger UI serves its own files');

  const minted = await fetch(`${url}/v1/sessions`, {
    method: 'POST',
    headers: { authorization: `Bearer ${secretKey}`, 'content-type': 'application/json' },
    body: JSON.stringify({ userId: 'patient-1', purpose: 'setup' }),
  });
  assert.equal(minted.status, 201, await minted.clone().text());
  const { token } = (await minted.json()) as { token: string };
  const widget = (path: string, body: object) =>
    fetch(`${url}/v1/widget${path}`, {
      method: 'POST',
      headers: {
        authorization: `Bearer ${token}`,
        origin: ORIGIN,
        'content-type': 'application/json',
      },
      body: JSON.stringify(body),
    });
  // The phone metadata is a chunk of its own, loaded at the first number.
  const sent = await widget('/phone', { phone: '+33612345678' });
  assert.equal(sent.status, 200, await sent.clone().text());
  const outbox = (await (
    await fetch(`${url}/dev/outbox`, { headers: { accept: 'application/json' } })
  ).json()) as { messages: { body: string }[] };
  const code = /\b(\d{6})\b/.exec(outbox.messages[0]?.body ?? '')?.[1];
  assert.ok(code, 'the code went to the outbox');
  const verified = await widget('/phone/verify', { code });
  assert.equal(verified.status, 200, await verified.clone().text());
  assert.equal(((await verified.json()) as { enabled: boolean }).enabled, true);

  server.child.kill('SIGTERM');
  assert.equal(await server.exited, 0, server.output());
});
