import { hkdfSync, randomBytes } from 'node:crypto';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { type Config, ConfigError } from '../config.ts';

/** Keys derived from one master key, one per use, so no key ever serves two jobs. */
export interface DerivedKeys {
  /** Names the master key in ciphertexts (`v2.<id>.…`), so a keyring finds the key to open them. */
  id: string;
  /** AES-256-GCM key for data at rest (phone numbers, viewable recovery codes). */
  encryption: Buffer;
  /** HMAC key for blind indexes (looking up a phone number without decrypting). */
  blindIndex: Buffer;
  /** HMAC key for one-time codes and recovery codes. */
  codes: Buffer;
}

/**
 * The current key's derived keys (`ENCRYPTION_KEY`), which write everything, and the previous
 * ones (`ENCRYPTION_PREVIOUS_KEYS`), which only read what was written before a rotation.
 */
export interface ServerKeys extends DerivedKeys {
  previous: readonly DerivedKeys[];
  /**
   * Whether values written before key ids (`v1`, bound to no row) still open. Off once `tfa keys
   * reencrypt` has rewritten them all, so an old value copied in from a backup opens nowhere.
   */
  readsUnbound: boolean;
}

const KEY_FILE = 'encryption.key';

export function decodeKey(text: string): Buffer {
  const key = /^[0-9a-fA-F]{64}$/.test(text)
    ? Buffer.from(text, 'hex')
    : Buffer.from(text, 'base64');
  if (key.length !== 32) throw new Error('ENCRYPTION_KEY must be 32 bytes');
  return key;
}

function derive(master: Buffer): DerivedKeys {
  const key = (info: string) =>
    Buffer.from(hkdfSync('sha256', master, Buffer.alloc(0), `two-factor-kit ${info}`, 32));
  return {
    id: key('key-id').subarray(0, 6).toString('hex'),
    encryption: key('encryption'),
    blindIndex: key('blind-index'),
    codes: key('codes'),
  };
}

export function deriveKeys(
  master: Buffer,
  previous: readonly Buffer[] = [],
  options: { readsUnbound?: boolean } = {},
): ServerKeys {
  return {
    ...derive(master),
    previous: previous.map(derive),
    readsUnbound: options.readsUnbound ?? true,
  };
}

/** The previous master keys, from `ENCRYPTION_PREVIOUS_KEYS` (a comma list, hex or base64). */
export function previousMasterKeys(config: Pick<Config, 'ENCRYPTION_PREVIOUS_KEYS'>): Buffer[] {
  return (config.ENCRYPTION_PREVIOUS_KEYS ?? '')
    .split(',')
    .map((text) => text.trim())
    .filter(Boolean)
    .map(decodeKey);
}

/**
 * The master key: `ENCRYPTION_KEY`, or outside production one generated once into `DATA_DIR`
 * (with a warning, since losing that file makes encrypted data unreadable).
 */
export async function loadMasterKey(
  config: Config,
  log: { warn(details: object, message: string): void },
): Promise<Buffer> {
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
