// Start-up and idle memory (docs/self-hosting.md): a server loads a provider's SDK, the Redis
// client and the metrics library only when its configuration asks for them, and the phone number
// metadata only at the first number it is sent. A child process
// records every module specifier resolved while the app is built.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { test } from 'node:test';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const OPTIONAL = ['plivo', 'postmark', 'ioredis', 'prom-client', 'libphonenumber-js/max'];

/** The bare specifiers of OPTIONAL that building the app with `env` resolved. */
function optionalModulesLoaded(env: Record<string, string>) {
  const script = `
    import { registerHooks } from 'node:module';
    import { randomBytes } from 'node:crypto';
    const seen = new Set();
    registerHooks({
      resolve(specifier, context, next) {
        seen.add(specifier);
        return next(specifier, context);
      },
    });
    const { buildApp } = await import('./server/app.ts');
    const { deriveKeys } = await import('./server/crypto/keys.ts');
    const { testConfig } = await import('./tests/helpers/build-app.ts');
    const { openTestDatabase } = await import('./tests/helpers/test-database.ts');
    const database = await openTestDatabase('pglite');
    const app = await buildApp({
      config: testConfig(${JSON.stringify({ LOG_LEVEL: 'silent', ...env })}),
      database,
      keys: deriveKeys(randomBytes(32)),
    });
    await app.ready();
    await app.close();
    await database.close();
    console.log(JSON.stringify(${JSON.stringify(OPTIONAL)}.filter((name) => seen.has(name))));
  `;
  const child = spawnSync(
    process.execPath,
    ['--import', 'tsx', '--input-type=module', '-e', script],
    {
      cwd: ROOT,
      encoding: 'utf8',
      env: { ...process.env, NODE_ENV: 'test' },
    },
  );
  assert.equal(child.status, 0, child.stderr);
  return JSON.parse(child.stdout.trim().split('\n').at(-1) ?? '[]') as string[];
}

test('with nothing optional configured, no SDK, Redis client, metrics library or phone metadata loads', () => {
  assert.deepEqual(optionalModulesLoaded({}), []);
});

test('METRICS_TOKEN loads the metrics library', () => {
  assert.deepEqual(optionalModulesLoaded({ METRICS_TOKEN: 'm'.repeat(32) }), ['prom-client']);
});
