// Defends docs/self-hosting.md "Rotating the encryption key" and SECURITY.md "a keyring with key
// ids, and re-encryption under a new key without downtime": after a rotation every enrolled patient
// still signs in, data written before key ids (v1) stays readable, and `tfa keys reencrypt` moves
// every value to the new key, safely repeatable.
import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { test } from 'node:test';
import { runCommand } from '../../server/cli/commands.ts';
import { encrypt } from '../../server/crypto/encryption.ts';
import { deriveKeys, type ServerKeys } from '../../server/crypto/keys.ts';
import { seal, unseal } from '../../server/crypto/sealed-fields.ts';
import { legacyRecoveryCodePlace } from '../../server/services/recovery-codes.ts';
import { describeEachDatabase, type TestApp } from '../helpers/build-app.ts';
import {
  challengeSession,
  enrol,
  FRENCH_MOBILE,
  latestSmsCode,
  OTHER_FRENCH_MOBILE,
  setupSession,
  widgetClient,
} from '../helpers/widget-client.ts';

async function signInBySms(
  app: TestApp,
  tenant: { secretKey: string; origin: string },
  userId: string,
  phone: string,
) {
  const widget = await challengeSession(app, tenant, { userId });
  const started = await widget.post('/challenge');
  assert.equal(started.statusCode, 200, started.body);
  const verified = await widget.post('/challenge/verify', {
    code: await latestSmsCode(app, phone),
  });
  assert.equal(verified.statusCode, 200, verified.body);
  assert.equal(verified.json().status, 'verified');
}

async function signInByRecoveryCode(
  app: TestApp,
  tenant: { secretKey: string; origin: string },
  userId: string,
  recoveryCode: string,
) {
  const widget = await challengeSession(app, tenant, { userId });
  return widget.post('/challenge/recovery', { recoveryCode });
}

const THIRD_FRENCH_MOBILE = '+33687654321';

/** Rewrites the tenant's one set as sets were written before: each code sealed on its own. */
async function sealCodeByCode(app: TestApp, keys: ServerKeys, tenantId: string, codes: string[]) {
  const set = await app.db
    .selectFrom('recovery_code_sets')
    .select('user_id')
    .where('tenant_id', '=', tenantId)
    .executeTakeFirstOrThrow();
  const place = legacyRecoveryCodePlace({ tenantId, userId: set.user_id });
  await app.db
    .updateTable('recovery_code_sets')
    .set({
      codes_sealed: null,
      codes_encrypted: codes.map((code) => seal(keys, code.replaceAll('-', ''), place)),
    })
    .where('tenant_id', '=', tenantId)
    .execute();
}

describeEachDatabase('encryption key rotation', ({ build }) => {
  test('after a rotation every patient signs in, and reencrypt moves every value to the new key', async (t) => {
    const [oldMaster, newMaster] = [randomBytes(32), randomBytes(32)];
    const before = await build(t, {}, { keys: deriveKeys(oldMaster) });
    const viewable = await setupSession(before, {}, 'kept-viewable');
    const viewableCodes = await enrol(before, viewable.widget, FRENCH_MOBILE);
    const hashOnly = await setupSession(before, { recoveryCodesViewable: false }, 'hash-only');
    const hashOnlyCodes = await enrol(before, hashOnly.widget, OTHER_FRENCH_MOBILE);
    // A set written before codes were sealed together: each code sealed on its own.
    const alone = await setupSession(before, {}, 'sealed-alone');
    const aloneCodes = await enrol(before, alone.widget, THIRD_FRENCH_MOBILE);
    await sealCodeByCode(before, deriveKeys(oldMaster), alone.tenant.tenantId, aloneCodes);
    // A number written before key ids and associated data existed (format v1).
    await before.db
      .updateTable('phone_factors')
      .set({ phone_encrypted: encrypt(deriveKeys(oldMaster).encryption, FRENCH_MOBILE) })
      .where('tenant_id', '=', viewable.tenant.tenantId)
      .execute();

    // A code sent just before the restart under the new key.
    const inFlight = await challengeSession(before, viewable.tenant, { userId: 'kept-viewable' });
    assert.equal((await inFlight.post('/challenge')).statusCode, 200);
    const codeBefore = await latestSmsCode(before, FRENCH_MOBILE);

    // The new key writes, the old one still reads: no one is locked out during the rotation.
    const ring: ServerKeys = deriveKeys(newMaster, [oldMaster]);
    const during = await build(t, {}, { keys: ring });
    const inFlightAfter = widgetClient(during, inFlight.token, viewable.tenant.origin);
    const finished = await inFlightAfter.post('/challenge/verify', { code: codeBefore });
    assert.equal(
      finished.statusCode,
      200,
      `a code sent before the restart works: ${finished.body}`,
    );
    await signInBySms(during, viewable.tenant, 'kept-viewable', FRENCH_MOBILE);
    await signInBySms(during, hashOnly.tenant, 'hash-only', OTHER_FRENCH_MOBILE);
    const recovered = await signInByRecoveryCode(
      during,
      hashOnly.tenant,
      'hash-only',
      hashOnlyCodes[0] as string,
    );
    assert.equal(recovered.statusCode, 200, recovered.body);

    let output = '';
    const write = (text: string) => {
      output += text;
    };
    await runCommand(['keys', 'reencrypt', '--json'], during.db, write, async () => ring);
    const report = JSON.parse(output);
    assert.deepEqual(
      [report.phones, report.recoveryCodes],
      [3, viewableCodes.length + aloneCodes.length],
    );
    assert.equal(report.hashOnlyRecoveryCodes, hashOnlyCodes.length);
    const phones = await during.db.selectFrom('phone_factors').select('phone_encrypted').execute();
    assert.ok(phones.every((row) => row.phone_encrypted.startsWith(`v2.${ring.id}.`)));
    output = '';
    await runCommand(['keys', 'reencrypt', '--json'], during.db, write, async () => ring);
    assert.deepEqual(
      [JSON.parse(output).phones, JSON.parse(output).recoveryCodes],
      [0, 0],
      'a second run finds nothing left: the command can be stopped and run again',
    );

    // The old key removed: phones and viewable codes were moved, so these patients need nothing.
    const after = await build(t, {}, { keys: deriveKeys(newMaster) });
    await signInBySms(after, viewable.tenant, 'kept-viewable', FRENCH_MOBILE);
    await signInBySms(after, hashOnly.tenant, 'hash-only', OTHER_FRENCH_MOBILE);
    const moved = await signInByRecoveryCode(
      after,
      viewable.tenant,
      'kept-viewable',
      viewableCodes[0] as string,
    );
    assert.equal(moved.statusCode, 200, moved.body);
    const sealedTogether = await signInByRecoveryCode(
      after,
      alone.tenant,
      'sealed-alone',
      aloneCodes[1] as string,
    );
    assert.equal(sealedTogether.statusCode, 200, sealedTogether.body);
    const aloneSet = await after.db
      .selectFrom('recovery_code_sets')
      .select(['codes_sealed', 'codes_encrypted'])
      .where('tenant_id', '=', alone.tenant.tenantId)
      .executeTakeFirstOrThrow();
    assert.equal(aloneSet.codes_encrypted, null, 'the set written code by code is sealed together');
    assert.ok(aloneSet.codes_sealed?.startsWith(`v2.${ring.id}.`));
    // Codes kept only as hashes cannot be re-hashed: why the report says to keep the old key.
    const stale = await signInByRecoveryCode(
      after,
      hashOnly.tenant,
      'hash-only',
      hashOnlyCodes[1] as string,
    );
    assert.equal(stale.json().error.code, 'invalid_code');
  });
});

test('a sealed value opens only in its own table, column, tenant and user, under a key of the ring', () => {
  const keys = deriveKeys(randomBytes(32));
  const place = {
    table: 'phone_factors',
    column: 'phone_encrypted',
    tenantId: 'ten_a',
    userId: '6a1d3c3e-0000-4000-8000-000000000001',
  } as const;
  const sealed = seal(keys, FRENCH_MOBILE, place);
  assert.match(sealed, new RegExp(`^v2\\.${keys.id}\\.`), 'the envelope names its key');
  assert.equal(unseal(keys, sealed, place), FRENCH_MOBILE);
  for (const moved of [
    { ...place, userId: '6a1d3c3e-0000-4000-8000-000000000002' },
    { ...place, tenantId: 'ten_b' },
    { ...place, table: 'recovery_codes', column: 'code_encrypted' } as const,
  ]) {
    assert.throws(() => unseal(keys, sealed, moved), 'moved to another row, it does not open');
  }
  const master = randomBytes(32);
  const unbound = encrypt(deriveKeys(master).encryption, FRENCH_MOBILE);
  assert.equal(unseal(deriveKeys(master), unbound, place), FRENCH_MOBILE, 'v1 opens by default');
  assert.throws(
    () => unseal(deriveKeys(master, [], { readsUnbound: false }), unbound, place),
    /ENCRYPTION_READ_UNBOUND/,
    'and not once every value is bound',
  );
  const rotated = deriveKeys(randomBytes(32), [randomBytes(32)]);
  assert.throws(() => unseal(rotated, sealed, place), /No key .* ENCRYPTION_PREVIOUS_KEYS/);
});
