import { createCipheriv, createDecipheriv, createHmac } from 'node:crypto';
import { pooledRandomBytes } from './random-pool.ts';

const VERSION = 'v1';
const BOUND_VERSION = 'v2';
const ALGORITHM = 'aes-256-gcm';
// 96-bit IVs are the size GCM is specified for (NIST SP 800-38D §5.2.1.1); random per message.
const IV_BYTES = 12;
const TAG_BYTES = 16;

/**
 * AES-256-GCM under `key`, a fresh random IV each call. Without `binding`: `v1.<iv>.<tag>.<data>`
 * (base64url), the format before key ids. With it: `v2.<keyId>.<iv>.<tag>.<data>`, the key id
 * readable so a keyring finds its key, and `binding.aad` authenticated as associated data, so the
 * ciphertext opens only where it was written (sealed-fields.ts).
 */
export function encrypt(
  key: Buffer,
  plaintext: string,
  binding?: { keyId: string; aad: string },
): string {
  const iv = pooledRandomBytes(IV_BYTES);
  const cipher = createCipheriv(ALGORITHM, key, iv, { authTagLength: TAG_BYTES });
  if (binding) cipher.setAAD(Buffer.from(`${BOUND_VERSION}.${binding.keyId}\n${binding.aad}`));
  const data = Buffer.concat([cipher.update(plaintext, 'utf8'), cipher.final()]);
  const parts = [iv, cipher.getAuthTag(), data].map((part) => part.toString('base64url'));
  return binding
    ? [BOUND_VERSION, binding.keyId, ...parts].join('.')
    : [VERSION, ...parts].join('.');
}

/** The key id of a `v2` ciphertext; null for a `v1` one, which names no key. */
export function ciphertextKeyId(ciphertext: string): string | null {
  const [version, keyId] = ciphertext.split('.');
  return version === BOUND_VERSION && keyId ? keyId : null;
}

/**
 * The plaintext of an `encrypt` output; throws if malformed, tampered with, under another key, or
 * (`v2`) opened with other associated data than it was sealed with.
 */
export function decrypt(key: Buffer, ciphertext: string, aad?: string): string {
  const fields = ciphertext.split('.');
  const bound = fields[0] === BOUND_VERSION;
  const [version, iv, tag, data, ...rest] = bound ? [fields[0], ...fields.slice(2)] : fields;
  const expected = bound ? BOUND_VERSION : VERSION;
  if (version !== expected || iv === undefined || tag === undefined || data === undefined) {
    throw new Error('Unknown ciphertext format');
  }
  if (rest.length > 0) throw new Error('Unknown ciphertext format');
  if (bound && aad === undefined) throw new Error('This ciphertext needs its associated data');
  const ivBytes = decodePart(iv, IV_BYTES);
  const tagBytes = decodePart(tag, TAG_BYTES);
  const decipher = createDecipheriv(ALGORITHM, key, ivBytes, { authTagLength: TAG_BYTES });
  if (bound) decipher.setAAD(Buffer.from(`${BOUND_VERSION}.${fields[1]}\n${aad}`));
  decipher.setAuthTag(tagBytes);
  const plaintext = Buffer.concat([decipher.update(decodePart(data)), decipher.final()]);
  return plaintext.toString('utf8');
}

/** HMAC-SHA-256 in base64url: finds equal values (a phone number) without decrypting any. */
export function blindIndex(key: Buffer, value: string): string {
  return createHmac('sha256', key).update(value, 'utf8').digest('base64url');
}

function decodePart(text: string, length?: number): Buffer {
  const bytes = Buffer.from(text, 'base64url');
  // Node's decoder skips stray characters and unused bits; only the canonical form is accepted,
  // so any change to the string fails rather than decoding to the same bytes.
  if (bytes.toString('base64url') !== text) throw new Error('Malformed ciphertext');
  if (length !== undefined && bytes.length !== length) throw new Error('Malformed ciphertext');
  return bytes;
}
