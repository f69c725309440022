import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { runCommand, UsageError } from '../../server/cli/commands.ts';
import { acquireDataDirLock } from '../../server/db/data-dir-lock.ts';
import { loadTenant } from '../../server/services/tenants.ts';
import { describeEachDatabase } from '../helpers/build-app.ts';
import { recoveryRows } from '../helpers/partner-views.ts';
import { enrol, setupSession } from '../helpers/widget-client.ts';

describeEachDatabase('tfa CLI', ({ build }) => {
  async function run(app: Awaited<ReturnType<typeof build>>, ...args: string[]) {
    let output = '';
    await runCommand(args, app.db, (text) => {
      output += text;
    });
    return output;
  }

  test('tenant create prints the id and the secret key once, as JSON with --json', async (t) => {
    const app = await build(t);
    const created = JSON.parse(
      await run(
        app,
        'tenant',
        'create',
        '--name',
        'North Clinic',
        '--origin',
        'https://north.example',
        '--origin',
        'http://localhost:3000',
        '--json',
      ),
    );
    assert.deepEqual(Object.keys(created).sort(), ['secretKey', 'tenantId']);
    assert.match(created.secretKey, /^sk_/);
    const tenant = await loadTenant(app.db, created.tenantId);
    assert.deepEqual(tenant.origins, ['http://localhost:3000', 'https://north.example']);
    const listing = await run(app, 'tenant', 'list');
    assert.match(listing, /North Clinic/);
    // The secret part whole: it is base64url, so it may hold '_' itself.
    const secret = /^sk_[0-9a-f]{20}_([\w-]{43})$/.exec(created.secretKey)?.[1];
    assert.ok(secret, created.secretKey);
    assert.ok(!listing.includes(secret), 'list never shows the secret');
  });

  test('tenant set changes settings and origins, validated', async (t) => {
    const app = await build(t);
    const { tenantId } = JSON.parse(
      await run(app, 'tenant', 'create', '--name', 'S', '--origin', 'https://s.example', '--json'),
    );
    await run(
      app,
      'tenant',
      'set',
      '--tenant',
      tenantId,
      '--sign-in-steps',
      'email,sms',
      '--allowed-countries',
      'FR,DE',
      '--trust-browser-days',
      '0',
      '--recovery-codes-viewable',
      'false',
      '--origin',
      'https://t.example',
    );
    const tenant = await loadTenant(app.db, tenantId);
    assert.deepEqual(tenant.settings.signInSteps, ['email', 'sms']);
    assert.deepEqual(tenant.settings.allowedCountries, ['FR', 'DE']);
    assert.equal(tenant.settings.trustBrowserDays, 0);
    assert.equal(tenant.settings.recoveryCodesViewable, false);
    assert.equal(tenant.settings.recoveryCodeCount, 10, 'untouched settings keep their default');
    assert.deepEqual(tenant.origins, ['https://t.example']);
    await assert.rejects(
      run(app, 'tenant', 'set', '--tenant', tenantId, '--trust-browser-days', '365'),
      /trustBrowserDays/,
    );
    await assert.rejects(
      run(app, 'tenant', 'set', '--tenant', tenantId, '--sign-in-steps', 'sms,email'),
      /signInSteps/,
    );
    await assert.rejects(
      run(app, 'tenant', 'set', '--tenant', tenantId, '--origin', 'https://t.example/path'),
      /Not an origin/,
    );
    await assert.rejects(
      run(app, 'tenant', 'set', '--tenant', tenantId, '--origin', 'null'),
      /Not an origin/,
    );
    await assert.rejects(run(app, 'tenant', 'set', '--tenant', 'ten_missing'), /No tenant/);
    assert.equal(
      (await loadTenant(app.db, tenantId)).settings.trustBrowserDays,
      0,
      'a refused change changes nothing',
    );
  });

  test('rotate-key and revoke-key', async (t) => {
    const app = await build(t);
    const { tenantId, secretKey } = JSON.parse(
      await run(app, 'tenant', 'create', '--name', 'R', '--origin', 'https://r.example', '--json'),
    );
    const rotated = JSON.parse(
      await run(app, 'tenant', 'rotate-key', '--tenant', tenantId, '--grace-hours', '2', '--json'),
    );
    assert.notEqual(rotated.secretKey, secretKey);
    const hours = (Date.parse(rotated.previousKeysExpireAt) - Date.now()) / 3_600_000;
    assert.ok(hours > 1.9 && hours <= 2, `grace ${hours} h`);
    assert.match(
      await run(app, 'tenant', 'revoke-key', '--tenant', tenantId, '--key', secretKey.slice(0, 23)),
      /Revoked/,
    );
    await assert.rejects(
      run(app, 'tenant', 'revoke-key', '--tenant', tenantId, '--key', secretKey.slice(0, 23)),
      /No live key/,
    );
  });

  test('usage errors', async (t) => {
    const app = await build(t);
    await assert.rejects(run(app, 'tenant', 'create', '--origin', 'https://x.example'), UsageError);
    await assert.rejects(
      run(app, 'tenant', 'create', '--name', 'No origin'),
      /--origin is required/,
    );
    await assert.rejects(
      run(app, 'tenant', 'revoke-key', '--tenant', 'ten_missing', '--key', 'sk_x'),
      /No tenant/,
    );
    await assert.rejects(run(app, 'tenant', 'explode'), UsageError);
    await assert.rejects(run(app, 'tenant', 'list', '--bogus'), /Unknown option/);
  });

  test('turning viewing off drops the stored copies of recovery codes', async (t) => {
    const app = await build(t);
    const { tenant, widget } = await setupSession(app);
    await enrol(app, widget);
    const stored = () => recoveryRows(app, tenant);
    assert.ok((await stored()).every((row) => row.sealed_copy !== null));
    await run(
      app,
      'tenant',
      'set',
      '--tenant',
      tenant.tenantId,
      '--recovery-codes-viewable',
      'false',
    );
    const rows = await stored();
    assert.equal(rows.length, 10, 'the codes still work');
    assert.ok(
      rows.every((row) => row.sealed_copy === null),
      'no viewable copy left',
    );
  });
});

test('the tfa command runs end to end on its own database', { timeout: 120_000 }, () => {
  const env = process.env.DATABASE_URL
    ? { DATABASE_URL: process.env.DATABASE_URL }
    : { DATA_DIR: join(tmpdir(), `tfa-cli-${process.pid}`) };
  // The documented form: its --json output must parse, so nothing but the command's own output.
  const tfa = (...args: string[]) =>
    spawnSync('npm', ['run', '-s', 'tfa', '--', ...args], {
      env: { PATH: process.env.PATH, HOME: process.env.HOME, ...env },
      encoding: 'utf8',
    });
  const created = tfa(
    'tenant',
    'create',
    '--name',
    'Spawned',
    '--origin',
    'https://spawned.example',
    '--json',
  );
  assert.equal(created.status, 0, created.stderr);
  const { tenantId, secretKey } = JSON.parse(created.stdout);
  assert.match(secretKey, /^sk_/);
  // A second command finds the database migrated already.
  const listed = tfa('tenant', 'list', '--json');
  assert.equal(listed.status, 0, listed.stderr);
  assert.ok(JSON.parse(listed.stdout).some((tenant: { id: string }) => tenant.id === tenantId));
  const bad = tfa('tenant', 'create', '--name', 'X', '--origin', 'ftp://x');
  assert.equal(bad.status, 2);
  assert.match(bad.stderr, /Not an origin/);
  assert.match(tfa('--help').stdout, /tenant rotate-key/);
});

test('a second process cannot open a PGlite data directory in use', async () => {
  const dir = await mkdtemp(join(tmpdir(), 'tfa-lock-'));
  const unlock = await acquireDataDirLock(dir);
  const other = spawnSync(
    process.execPath,
    [
      '--import',
      'tsx',
      '-e',
      `import('./server/db/data-dir-lock.ts').then((m) => m.acquireDataDirLock(${JSON.stringify(dir)}))`,
    ],
    { encoding: 'utf8' },
  );
  assert.notEqual(other.status, 0);
  assert.match(other.stderr, /in use by process \d+/);
  await unlock();
  const after = spawnSync(
    process.execPath,
    [
      '--import',
      'tsx',
      '-e',
      `import('./server/db/data-dir-lock.ts').then((m) => m.acquireDataDirLock(${JSON.stringify(dir)}))`,
    ],
    { encoding: 'utf8' },
  );
  assert.equal(after.status, 0, after.stderr);
});
