import Bowser from 'bowser';
import type { Kysely } from 'kysely';
import { randomToken, safeEqual, sha256 } from '../crypto/tokens.ts';
import type { Database } from '../db/types.ts';
import { AppError } from '../errors.ts';
import { type RequestContext, recordEvent } from '../repositories/audit-events.ts';
import { withUserLocked } from '../repositories/locks.ts';
import type { UserRef } from '../repositories/refs.ts';
import {
  deleteTrustedBrowsers,
  insertTrustedBrowser,
  listTrustedBrowserRows,
  touchTrustedBrowser,
} from '../repositories/trusted-browsers.ts';
import { TRUST_COOKIE_BYTES } from '../security-constants.ts';

/** "Chrome on macOS", from the User-Agent, for the user's list of trusted browsers. */
export function browserLabel(userAgent: string | null | undefined): string {
  if (!userAgent) return 'Unknown browser';
  const parser = Bowser.getParser(userAgent);
  const browser = parser.getBrowserName() || 'Unknown browser';
  const os = parser.getOSName();
  return os ? `${browser} on ${os}` : browser;
}

/** Remembers this browser for `days`; returns the opaque cookie value (only its hash is stored). */
export async function trustBrowser(
  db: Kysely<Database>,
  ref: UserRef,
  input: { userAgent: string | null; days: number },
) {
  const value = randomToken('', TRUST_COOKIE_BYTES);
  const expiresAt = new Date(Date.now() + input.days * 86_400_000);
  const label = browserLabel(input.userAgent);
  await insertTrustedBrowser(db, ref, { tokenHash: sha256(value), label, expiresAt });
  return { value, expiresAt, label };
}

/** The live trust this cookie gives this user, marked as used now; undefined when none. */
export async function useTrustedBrowser(
  db: Kysely<Database>,
  ref: UserRef,
  cookie: string | undefined,
) {
  if (!cookie) return undefined;
  return touchTrustedBrowser(db, ref, sha256(cookie));
}

export async function listTrustedBrowsers(
  db: Kysely<Database>,
  ref: UserRef,
  cookie: string | undefined,
) {
  const current = cookie ? sha256(cookie) : null;
  const rows = await listTrustedBrowserRows(db, ref);
  return rows.map((row) => ({
    id: row.id,
    label: row.label,
    createdAt: row.created_at.toISOString(),
    lastUsedAt: row.last_used_at.toISOString(),
    expiresAt: row.expires_at.toISOString(),
    current: current !== null && safeEqual(row.token_hash, current),
  }));
}

/**
 * Ends trust, by the user (one browser, or all) or by the partner (all): with its audit event,
 * under the user's lock. Revoking one that is not there is `not_found`.
 */
export async function revokeTrust(
  db: Kysely<Database>,
  ref: UserRef,
  context: RequestContext,
  options: { id?: string; by?: 'partner' } = {},
) {
  await withUserLocked(db, ref, async (trx) => {
    const count = await deleteTrustedBrowsers(trx, ref, options.id);
    if (options.id && count === 0) {
      throw new AppError('not_found', { message: 'No such trusted browser.' });
    }
    await recordEvent(trx, {
      tenantId: ref.tenantId,
      userId: ref.userId,
      type: 'trusted_browsers.revoked',
      context,
      details: { count, ...(options.by ? { by: options.by } : {}) },
    });
  });
}
