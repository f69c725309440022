import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { describe, test } from 'node:test';
import { ConfigError, loadConfig, loadServerConfig, startupProblems } from '../../server/config.ts';

describe('config', () => {
  test('defaults fill in when nothing is set', () => {
    const config = loadConfig({});
    assert.equal(config.PORT, 4000);
    assert.equal(config.HOST, '127.0.0.1');
    assert.equal(config.DATA_DIR, './data');
    assert.equal(config.NODE_ENV, 'production', 'fails closed');
    assert.equal(config.DEV_OUTBOX, false, 'the outbox only when asked for');
    assert.equal(config.trustProxy, false);
    assert.equal(config.publicUrl, 'http://localhost:4000');
    assert.equal(config.DATABASE_URL, undefined);
  });

  test('values are converted and derived', () => {
    const config = loadConfig({
      PORT: '8080',
      TRUST_PROXY: '10.0.0.1',
      PUBLIC_URL: 'https://2fa.clinic.example',
      DATABASE_URL: 'postgres://u@db/x',
    });
    assert.equal(config.PORT, 8080);
    assert.deepEqual(config.trustProxy, ['10.0.0.1']);
    assert.equal(config.publicUrl, 'https://2fa.clinic.example');
    assert.deepEqual(loadConfig({ TRUST_PROXY: '10.0.0.0/8,127.0.0.1' }).trustProxy, [
      '10.0.0.0/8',
      '127.0.0.1',
    ]);
    assert.equal(loadConfig({ TRUST_PROXY: 'true' }).trustProxy, true);
    assert.deepEqual(loadConfig({ TRUST_PROXY: '::1, 2001:db8::/32' }).trustProxy, [
      '::1',
      '2001:db8::/32',
    ]);
    for (const bad of ['abc', '1', '2', '100', '10.0.0.0/40', 'yes']) {
      assert.throws(() => loadConfig({ TRUST_PROXY: bad }), /TRUST_PROXY:/, bad);
    }
  });

  test('one error names every bad variable', () => {
    const error = (() => {
      try {
        loadConfig({
          PORT: 'eighty',
          LOG_LEVEL: 'loud',
          DATABASE_URL: 'mysql://x',
          ENCRYPTION_KEY: 'short',
        });
      } catch (caught) {
        return caught;
      }
    })();
    assert.ok(error instanceof ConfigError);
    for (const name of ['PORT', 'LOG_LEVEL', 'DATABASE_URL', 'ENCRYPTION_KEY']) {
      assert.match(error.message, new RegExp(`${name}:`), `${name} named`);
    }
    assert.equal(error.problems.length, 4);
    assert.match(error.message, /LOG_LEVEL: must be one of fatal, error/);
    assert.match(error.message, /got "eighty"/);
    assert.doesNotMatch(error.message, /short|mysql/, 'secrets are not echoed');
  });

  const providers = {
    PLIVO_AUTH_ID: 'MA1',
    PLIVO_AUTH_TOKEN: 't',
    PLIVO_SENDER: 'Clinic',
    POSTMARK_SERVER_TOKEN: 'pm',
    POSTMARK_FROM: 'no-reply@clinic.example',
  };

  test('the server requires ENCRYPTION_KEY in production, and so by default', () => {
    for (const env of [{}, { NODE_ENV: 'production' }]) {
      assert.throws(
        () => loadServerConfig({ ...env, ...providers }),
        /ENCRYPTION_KEY: is required in production/,
      );
    }
    const key = 'ab'.repeat(32);
    assert.equal(loadServerConfig({ ...providers, ENCRYPTION_KEY: key }).ENCRYPTION_KEY, key);
    const base64 = Buffer.alloc(32, 7).toString('base64');
    assert.equal(loadServerConfig({ ...providers, ENCRYPTION_KEY: base64 }).ENCRYPTION_KEY, base64);
    // The command line needs no key: it never decrypts.
    assert.doesNotThrow(() => loadConfig({}));
  });

  test('with nothing set, the server names every variable to set and the outbox switch', () => {
    const problems = startupProblems(loadConfig({}));
    assert.equal(problems.length, 3, problems.join('\n'));
    assert.match(problems[0] ?? '', /^ENCRYPTION_KEY: is required in production/);
    assert.match(problems[1] ?? '', /^SMS: set PLIVO_AUTH_ID, PLIVO_AUTH_TOKEN and PLIVO_SENDER/);
    assert.match(problems[2] ?? '', /^Email: set POSTMARK_SERVER_TOKEN and POSTMARK_FROM/);
    for (const problem of problems.slice(1)) {
      assert.match(problem, /NODE_ENV=development and DEV_OUTBOX=true/);
    }
  });

  test('a half configuration is refused, not sent to the outbox', () => {
    const plivoOnly = {
      ENCRYPTION_KEY: 'ab'.repeat(32),
      PLIVO_AUTH_ID: 'MA1',
      PLIVO_AUTH_TOKEN: 't',
      PLIVO_SENDER: 'Clinic',
    };
    for (const env of [plivoOnly, { ...plivoOnly, NODE_ENV: 'development' }]) {
      assert.deepEqual(
        startupProblems(loadConfig(env)).map((p) => p.split(':')[0]),
        ['Email'],
        JSON.stringify(env),
      );
    }
    assert.deepEqual(startupProblems(loadConfig({ ...plivoOnly, ...providers })), []);
  });

  test('DEV_OUTBOX opens the outbox outside production only', () => {
    for (const NODE_ENV of ['development', 'test']) {
      const config = loadServerConfig({ NODE_ENV, DEV_OUTBOX: 'true' });
      assert.equal(config.DEV_OUTBOX, true);
      assert.deepEqual(startupProblems(config), []);
    }
    assert.equal(loadConfig({ DEV_OUTBOX: 'false' }).DEV_OUTBOX, false);
    for (const env of [{ DEV_OUTBOX: 'true' }, { NODE_ENV: 'production', DEV_OUTBOX: '1' }]) {
      assert.throws(
        () => loadConfig({ ...env, ENCRYPTION_KEY: 'ab'.repeat(32), ...providers }),
        /DEV_OUTBOX: the outbox writes every code to the log, so it is refused in production/,
      );
    }
    assert.throws(() => loadConfig({ DEV_OUTBOX: 'yes' }), /DEV_OUTBOX: .*\(got "yes"\)/);
  });

  test('provider variables come as a group', () => {
    assert.throws(
      () => loadConfig({ PLIVO_AUTH_ID: 'MA123' }),
      /PLIVO_AUTH_TOKEN, PLIVO_SENDER: Plivo needs/,
    );
    assert.throws(
      () => loadConfig({ POSTMARK_FROM: 'a@b.example' }),
      /POSTMARK_SERVER_TOKEN: Postmark needs/,
    );
    assert.doesNotThrow(() =>
      loadConfig({ PLIVO_AUTH_ID: 'MA1', PLIVO_AUTH_TOKEN: 't', PLIVO_SENDER: 'Clinic' }),
    );
  });

  test('the server refuses to start on bad config, naming each variable', () => {
    const result = spawnSync(process.execPath, ['--import', 'tsx', 'server/main.ts'], {
      env: { PATH: process.env.PATH, PORT: 'x', TRUST_PROXY: 'maybe' },
      encoding: 'utf8',
      timeout: 60_000,
    });
    assert.equal(result.status, 1);
    assert.match(result.stderr, /Invalid configuration/);
    assert.match(result.stderr, /PORT:/);
    assert.match(result.stderr, /TRUST_PROXY:/);
  });
});
