import { hkdfSync, randomBytes } from 'node:crypto';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { FastifyBaseLogger } from 'fastify';
import { type Config, ConfigError } from '../config.ts';

/** Keys derived from the one `ENCRYPTION_KEY`, one per use, so no key ever serves two jobs. */
export interface ServerKeys {
  /** AES-256-GCM key for data at rest (phone numbers, viewable recovery codes). */
  encryption: Buffer;
  /** HMAC key for blind indexes (looking up a phone number without decrypting). */
  blindIndex: Buffer;
  /** HMAC key for one-time codes and recovery codes. */
  codes: Buffer;
}

const KEY_FILE = 'encryption.key';

export function decodeKey(text: string): Buffer {
  const key = /^[0-9a-fA-F]{64}$/.test(text)
    ? Buffer.from(text, 'hex')
    : Buffer.from(text, 'base64');
  if (key.length !== 32) throw new Error('ENCRYPTION_KEY must be 32 bytes');
  return key;
}

export function deriveKeys(master: Buffer): ServerKeys {
  const derive = (info: string) =>
    Buffer.from(hkdfSync('sha256', master, Buffer.alloc(0), `two-factor-kit ${info}`, 32));
  return {
    encryption: derive('encryption'),
    blindIndex: derive('blind-index'),
    codes: derive('codes'),
  };
}

/**
 * The master key: `ENCRYPTION_KEY`, or outside production one generated once into `DATA_DIR`
 * (with a warning, since losing that file makes encrypted data unreadable).
 */
export async function loadMasterKey(config: Config, log: FastifyBaseLogger): Promise<Buffer> {
  if (config.ENCRYPTION_KEY) return decodeKey(config.ENCRYPTION_KEY);
  if (config.NODE_ENV === 'production') {
    throw new ConfigError(['ENCRYPTION_KEY: is required in production (32 bytes, hex or base64)']);
  }
  const path = join(config.DATA_DIR, KEY_FILE);
  try {
    return decodeKey((await readFile(path, 'utf8')).trim());
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
  }
  await mkdir(config.DATA_DIR, { recursive: true });
  const key = randomBytes(32);
  await writeFile(path, `${key.toString('hex')}\n`, { mode: 0o600, flag: 'wx' });
  log.warn(
    { path },
    'ENCRYPTION_KEY is not set: generated a development key. Set ENCRYPTION_KEY in production.',
  );
  return key;
}
