import assert from 'node:assert/strict';
import { mkdtemp, readFile, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, test } from 'node:test';
import pino from 'pino';
import { loadConfig } from '../../server/config.ts';
import { decodeKey, deriveKeys, loadMasterKey } from '../../server/crypto/keys.ts';
import { LogCapture } from '../helpers/build-app.ts';

describe('encryption key', () => {
  test('outside production a key is generated once into DATA_DIR, with a warning', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'tfa-key-'));
    const logs = new LogCapture();
    const log = pino(logs);
    const first = await loadMasterKey(loadConfig({ NODE_ENV: 'development', DATA_DIR: dir }), log);
    const second = await loadMasterKey(loadConfig({ NODE_ENV: 'development', DATA_DIR: dir }), log);
    assert.equal(first.length, 32);
    assert.deepEqual(second, first);
    assert.equal(
      logs.lines.filter((line) => line.includes('generated a development key')).length,
      1,
    );
    const file = join(dir, 'encryption.key');
    assert.equal((await stat(file)).mode & 0o777, 0o600);
    assert.deepEqual(decodeKey((await readFile(file, 'utf8')).trim()), first);
  });

  test('ENCRYPTION_KEY is used as given', async () => {
    const hex = 'c0'.repeat(32);
    const key = await loadMasterKey(
      loadConfig({ ENCRYPTION_KEY: hex, DATA_DIR: '/nonexistent' }),
      pino({ level: 'silent' }),
    );
    assert.deepEqual(key, Buffer.from(hex, 'hex'));
  });

  test('in production, and so by default, there is no development key', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'tfa-key-'));
    for (const env of [{}, { NODE_ENV: 'production' }]) {
      await assert.rejects(
        loadMasterKey(loadConfig({ ...env, DATA_DIR: dir }), pino({ level: 'silent' })),
        /ENCRYPTION_KEY: is required in production/,
      );
    }
    await assert.rejects(stat(join(dir, 'encryption.key')), { code: 'ENOENT' });
  });

  test('derived keys differ per use and per master key', () => {
    const a = deriveKeys(Buffer.alloc(32, 1));
    const b = deriveKeys(Buffer.alloc(32, 2));
    assert.notDeepEqual(a.encryption, a.blindIndex);
    assert.notDeepEqual(a.encryption, a.codes);
    assert.notDeepEqual(a.encryption, b.encryption);
    assert.deepEqual(deriveKeys(Buffer.alloc(32, 1)), a);
  });
});
