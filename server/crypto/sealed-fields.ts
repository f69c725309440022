import { ciphertextKeyId, decrypt, encrypt } from './encryption.ts';
import type { ServerKeys } from './keys.ts';

/** Where a ciphertext lives: it opens only there (AES-GCM associated data). */
export interface FieldPlace {
  table: 'phone_factors' | 'recovery_code_sets' | 'recovery_codes' | 'totp_factors';
  column: 'phone_encrypted' | 'codes_sealed' | 'code_encrypted' | 'secret_encrypted';
  tenantId: string;
  userId: string;
}

function associatedData(place: FieldPlace) {
  return [place.table, place.column, place.tenantId, place.userId].join('\n');
}

/**
 * Encrypts a column's value under the current key, bound to its table, column, tenant and user:
 * copied to another row by anyone who can write the database, it no longer opens.
 */
export function seal(keys: ServerKeys, plaintext: string, place: FieldPlace): string {
  return encrypt(keys.encryption, plaintext, { keyId: keys.id, aad: associatedData(place) });
}

/**
 * Opens a sealed value with the key its envelope names, current or previous (ENCRYPTION_PREVIOUS_
 * KEYS); a value written before key ids (`v1`) is tried under each key, without associated data.
 */
export function unseal(keys: ServerKeys, ciphertext: string, place: FieldPlace): string {
  const ring = [keys, ...keys.previous];
  const keyId = ciphertextKeyId(ciphertext);
  if (keyId !== null) {
    const key = ring.find((candidate) => candidate.id === keyId);
    if (!key) throw new Error(`No key ${keyId} in the keyring: add it to ENCRYPTION_PREVIOUS_KEYS`);
    return decrypt(key.encryption, ciphertext, associatedData(place));
  }
  if (!keys.readsUnbound) {
    throw new Error('A value written before key ids, refused (ENCRYPTION_READ_UNBOUND=false)');
  }
  for (const key of ring) {
    try {
      return decrypt(key.encryption, ciphertext);
    } catch {
      // Not this key: the next one.
    }
  }
  throw new Error('No key in the keyring opens this value');
}

/** Whether a value is sealed under the current key, as `tfa keys reencrypt` leaves every value. */
export function isCurrent(keys: ServerKeys, ciphertext: string) {
  return ciphertextKeyId(ciphertext) === keys.id;
}
