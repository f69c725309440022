import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import {
  TOTP_DIGITS,
  TOTP_PERIOD_SECONDS,
  TOTP_SECRET_BYTES,
  TOTP_SKEW_STEPS,
} from '../security-constants.ts';

/*
 * Time-based one-time passwords (RFC 6238 over RFC 4226's HOTP), HMAC-SHA-1, T0 = 0: pure
 * functions, no state. What authenticator apps (Google Authenticator, 1Password, Authy…) compute.
 */

/** RFC 4648 §6 alphabet. */
const BASE32 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';

export function generateTotpSecret(): Buffer {
  return randomBytes(TOTP_SECRET_BYTES);
}

/** RFC 4648 base32 without padding, as authenticator apps take a key (20 bytes → 32 characters). */
export function base32Encode(bytes: Buffer): string {
  let bits = 0;
  let value = 0;
  let out = '';
  for (const byte of bytes) {
    value = (value << 8) | byte;
    bits += 8;
    while (bits >= 5) {
      out += BASE32[(value >>> (bits - 5)) & 31];
      bits -= 5;
    }
    value &= (1 << bits) - 1;
  }
  if (bits > 0) out += BASE32[(value << (5 - bits)) & 31];
  return out;
}

/** The bytes of a base32 key; case, spaces and padding ignored; null when not base32. */
export function base32Decode(text: string): Buffer | null {
  const clean = text.toUpperCase().replace(/[\s=]/g, '');
  let bits = 0;
  let value = 0;
  const out: number[] = [];
  for (const char of clean) {
    const index = BASE32.indexOf(char);
    if (index < 0) return null;
    value = ((value << 5) | index) & 0xffff;
    bits += 5;
    if (bits >= 8) {
      out.push((value >>> (bits - 8)) & 255);
      bits -= 8;
    }
  }
  return Buffer.from(out);
}

/** The time step a moment falls in (RFC 6238 §4.2: T = floor((now − T0) / X)). */
export function totpStep(nowMs = Date.now()): number {
  return Math.floor(nowMs / 1000 / TOTP_PERIOD_SECONDS);
}

/** HOTP (RFC 4226 §5.3) of `counter`: dynamic truncation, then the last `digits` decimal digits. */
export function totpCodeAt(secret: Buffer, step: number, digits = TOTP_DIGITS): string {
  const counter = Buffer.alloc(8);
  counter.writeBigUInt64BE(BigInt(step));
  const mac = createHmac('sha1', secret).update(counter).digest();
  const offset = (mac[mac.length - 1] as number) & 0x0f;
  const binary = mac.readUInt32BE(offset) & 0x7fffffff;
  return String(binary % 10 ** digits).padStart(digits, '0');
}

/**
 * The step whose code `code` is, among now and `TOTP_SKEW_STEPS` either side, or null. Every
 * candidate is computed and compared in constant time, so the answer's timing tells nothing of
 * which step (if any) matched.
 */
export function matchTotp(secret: Buffer, code: string, nowMs = Date.now()): number | null {
  const now = totpStep(nowMs);
  const given = Buffer.from(code.padEnd(TOTP_DIGITS, ' ').slice(0, TOTP_DIGITS));
  let matched: number | null = null;
  for (let step = now - TOTP_SKEW_STEPS; step <= now + TOTP_SKEW_STEPS; step += 1) {
    const expected = Buffer.from(totpCodeAt(secret, step));
    const equal = expected.length === given.length && timingSafeEqual(expected, given);
    if (equal && matched === null) matched = step;
  }
  return code.length === TOTP_DIGITS ? matched : null;
}

/**
 * The `otpauth://` key URI authenticator apps read from a QR code (Google Authenticator's "Key Uri
 * Format"): the label `issuer:account` and the issuer parameter, both URI-encoded.
 */
export function otpauthUri(input: { issuer: string; accountName: string; secret: string }) {
  const issuer = encodeURIComponent(input.issuer);
  const label = `${issuer}:${encodeURIComponent(input.accountName)}`;
  const query = `secret=${input.secret}&issuer=${issuer}&algorithm=SHA1&digits=${TOTP_DIGITS}&period=${TOTP_PERIOD_SECONDS}`;
  return `otpauth://totp/${label}?${query}`;
}
