import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { blindIndex, decrypt, encrypt } from '../../server/crypto/encryption.ts';

const key = randomBytes(32);
const BASE64URL = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';

function flipByte(ciphertext: string, part: number, index: number): string {
  const parts = ciphertext.split('.');
  const bytes = Buffer.from(parts[part] ?? '', 'base64url');
  bytes[index] = (bytes[index] ?? 0) ^ 0x01;
  parts[part] = bytes.toString('base64url');
  return parts.join('.');
}

describe('encrypt / decrypt', () => {
  it('round-trips any text', () => {
    for (const text of ['+33612345678', '', 'ABCD-EFGH-JKMN-PQRS', 'é✓ 😀']) {
      assert.equal(decrypt(key, encrypt(key, text)), text);
    }
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme' }), (text) => {
        assert.equal(decrypt(key, encrypt(key, text)), text);
      }),
    );
  });

  it('writes a self-describing v1.<iv>.<tag>.<data> string', () => {
    const parts = encrypt(key, '+33612345678').split('.');
    assert.equal(parts.length, 4);
    assert.equal(parts[0], 'v1');
    assert.equal(Buffer.from(parts[1] ?? '', 'base64url').length, 12);
    assert.equal(Buffer.from(parts[2] ?? '', 'base64url').length, 16);
    assert.ok(!encrypt(key, '+33612345678').includes('612345678'));
  });

  it('gives a different ciphertext and IV each time for the same text', () => {
    const a = encrypt(key, '+33612345678');
    const b = encrypt(key, '+33612345678');
    assert.notEqual(a, b);
    assert.notEqual(a.split('.')[1], b.split('.')[1]);
  });

  it('throws when any byte of the iv, tag or data is changed', () => {
    const ciphertext = encrypt(key, '+33612345678');
    for (const part of [1, 2, 3]) {
      const length = Buffer.from(ciphertext.split('.')[part] ?? '', 'base64url').length;
      assert.ok(length > 0);
      for (let index = 0; index < length; index++) {
        assert.throws(
          () => decrypt(key, flipByte(ciphertext, part, index)),
          `part ${part} byte ${index}`,
        );
      }
    }
  });

  it('throws when any character of the string is changed, even to an equivalent encoding', () => {
    const ciphertext = encrypt(key, '+33612345678');
    for (let index = 0; index < ciphertext.length; index++) {
      const position = BASE64URL.indexOf(ciphertext[index] ?? '');
      if (position === -1) continue;
      // Flipping the lowest bit also hits the unused trailing bits Node's decoder ignores.
      const other = BASE64URL[position ^ 1];
      const changed = `${ciphertext.slice(0, index)}${other}${ciphertext.slice(index + 1)}`;
      assert.throws(() => decrypt(key, changed), `character ${index}`);
    }
  });

  it('throws on malformed input', () => {
    const [, iv, tag, data] = encrypt(key, 'x').split('.');
    for (const bad of [
      '',
      'x',
      `v2.${iv}.${tag}.${data}`,
      `v1.${iv}.${tag}`,
      `v1.${iv}.${tag}.${data}.extra`,
      `v1.${iv}.${tag}.${data}!`,
      `v1.${iv}AAAA.${tag}.${data}`,
      `v1.${iv}.${tag?.slice(0, 16)}.${data}`,
    ]) {
      assert.throws(() => decrypt(key, bad), bad);
    }
  });

  it('throws under another key', () => {
    assert.throws(() => decrypt(randomBytes(32), encrypt(key, '+33612345678')));
  });
});

describe('blindIndex', () => {
  it('is deterministic', () => {
    assert.equal(blindIndex(key, '+33612345678'), blindIndex(key, '+33612345678'));
  });

  it('depends on the key and the value', () => {
    const index = blindIndex(key, '+33612345678');
    assert.notEqual(blindIndex(randomBytes(32), '+33612345678'), index);
    assert.notEqual(blindIndex(key, '+33612345679'), index);
  });

  it('is a base64url HMAC-SHA-256 that does not contain the value', () => {
    const index = blindIndex(key, '+33612345678');
    assert.match(index, /^[A-Za-z0-9_-]{43}$/);
    assert.ok(!index.includes('612345678'));
  });
});
