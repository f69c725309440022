import { createHash, randomBytes } from 'node:crypto';

/** A cookie token (256 random bits) and the hash that the database keeps instead. */
export function newToken(): { token: string; id: string } {
  const token = randomBytes(32).toString('base64url');
  return { token, id: tokenId(token) };
}

export function tokenId(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

/** The shape `newToken` makes; anything else in a cookie is ignored without a query. */
export const TOKEN_PATTERN = /^[A-Za-z0-9_-]{43}$/;

/** A user id for a new sign-up; the two-factor server knows the user by it. */
export function newUserId(): string {
  return `pat_${randomBytes(12).toString('hex')}`;
}
