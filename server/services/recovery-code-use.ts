import type { Transaction } from 'kysely';
import type { ServerKeys } from '../crypto/keys.ts';
import type { Database } from '../db/types.ts';
import { type RequestContext, recordEvent } from '../repositories/audit-events.ts';
import { deleteTrustedBrowsers } from '../repositories/trusted-browsers.ts';
import { issueRecoveryCodes } from './recovery-codes.ts';
import type { WidgetContext } from './sessions.ts';

/**
 * What follows the use of a recovery code, on every path that accepts one: an audit event, every
 * trusted browser revoked (the phone may be in the wrong hands) and, when it was the last code, a
 * fresh set to show once (returned). The caller sends the email notice once this commits.
 */
export async function recoveryCodeUsed(
  trx: Transaction<Database>,
  keys: ServerKeys,
  { tenant, user }: Pick<WidgetContext, 'tenant' | 'user'>,
  context: RequestContext,
  remaining: number,
): Promise<string[] | undefined> {
  const ref = { tenantId: tenant.id, userId: user.id };
  await recordEvent(trx, { ...ref, type: 'recovery_code.used', context, details: { remaining } });
  await deleteTrustedBrowsers(trx, ref);
  if (remaining > 0) return undefined;
  const codes = await issueRecoveryCodes(trx, keys, tenant, user.id);
  await recordEvent(trx, {
    ...ref,
    type: 'recovery_codes.regenerated',
    context,
    details: { reason: 'last-code-used' },
  });
  return codes;
}
