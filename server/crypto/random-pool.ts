import { randomBytes, randomFillSync } from 'node:crypto';

// Each call into the CSPRNG costs far more than the few bytes an IV or a recovery code needs (on a
// loaded server, more than the encryption itself), so bytes are drawn 4 KB at a time, as Node does
// for randomUUID. Each byte is given out once, and wiped from the pool as it goes.
const POOL_BYTES = 4096;
const pool = Buffer.alloc(POOL_BYTES);
let next = POOL_BYTES;

/** `size` bytes from the CSPRNG (crypto.randomBytes, drawn ahead). */
export function pooledRandomBytes(size: number): Buffer {
  if (size > POOL_BYTES / 4) return randomBytes(size);
  if (next + size > POOL_BYTES) {
    randomFillSync(pool);
    next = 0;
  }
  const bytes = Buffer.from(pool.subarray(next, next + size));
  pool.fill(0, next, next + size);
  next += size;
  return bytes;
}
