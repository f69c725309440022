import { createCipheriv, createDecipheriv, createHmac, randomBytes } from 'node:crypto';

const VERSION = 'v1';
const ALGORITHM = 'aes-256-gcm';
// 96-bit IVs are the size GCM is specified for (NIST SP 800-38D §5.2.1.1); random per message.
const IV_BYTES = 12;
const TAG_BYTES = 16;

/** AES-256-GCM under `key`, as `v1.<iv>.<tag>.<data>` (base64url), a fresh random IV each call. */
export function encrypt(key: Buffer, plaintext: string): string {
  const iv = randomBytes(IV_BYTES);
  const cipher = createCipheriv(ALGORITHM, key, iv, { authTagLength: TAG_BYTES });
  const data = Buffer.concat([cipher.update(plaintext, 'utf8'), cipher.final()]);
  const parts = [iv, cipher.getAuthTag(), data].map((part) => part.toString('base64url'));
  return [VERSION, ...parts].join('.');
}

/** The plaintext of an `encrypt` output; throws if malformed, tampered with or under another key. */
export function decrypt(key: Buffer, ciphertext: string): string {
  const [version, iv, tag, data, ...rest] = ciphertext.split('.');
  if (version !== VERSION || iv === undefined || tag === undefined || data === undefined) {
    throw new Error('Unknown ciphertext format');
  }
  if (rest.length > 0) throw new Error('Unknown ciphertext format');
  const ivBytes = decodePart(iv, IV_BYTES);
  const tagBytes = decodePart(tag, TAG_BYTES);
  const decipher = createDecipheriv(ALGORITHM, key, ivBytes, { authTagLength: TAG_BYTES });
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
