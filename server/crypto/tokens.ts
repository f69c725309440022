import { createHash, timingSafeEqual } from 'node:crypto';
import { pooledRandomBytes } from './random-pool.ts';

/** A URL-safe random string of `bytes` random bytes, with a readable prefix. */
export function randomToken(prefix: string, bytes: number): string {
  return `${prefix}${pooledRandomBytes(bytes).toString('base64url')}`;
}

export function randomId(prefix: string): string {
  return `${prefix}${pooledRandomBytes(10).toString('hex')}`;
}

/** SHA-256 in base64url. Used for high-entropy secrets (tokens, keys), which need no slow hash. */
export function sha256(value: string): string {
  return createHash('sha256').update(value).digest('base64url');
}

/** Constant-time comparison of two strings of any length. */
export function safeEqual(a: string, b: string): boolean {
  // Hashing first gives equal-length inputs, so neither length nor content leaks through timing.
  return timingSafeEqual(Buffer.from(sha256(a)), Buffer.from(sha256(b)));
}
