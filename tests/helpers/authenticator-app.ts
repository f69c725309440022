import type { FastifyInstance } from 'fastify';
import { base32Decode, totpCodeAt, totpStep } from '../../server/services/totp.ts';
import type { WidgetClient } from './widget-client.ts';

/** The code an authenticator app shows for `secret` now, or `offset` steps of 30 s away. */
export function appCode(secret: string, offset = 0, nowMs = Date.now()) {
  return totpCodeAt(base32Decode(secret) as Buffer, totpStep(nowMs) + offset);
}

/** Adds an app for the session's user (the step-up, if needed, already done); returns its key. */
export async function enrolApp(widget: WidgetClient): Promise<string> {
  const started = await widget.post('/totp', {});
  if (started.statusCode !== 200) throw new Error(`totp: ${started.statusCode} ${started.body}`);
  const { secret } = started.json();
  const confirmed = await widget.post('/totp/verify', { code: appCode(secret) });
  if (confirmed.statusCode !== 200)
    throw new Error(`totp verify: ${confirmed.statusCode} ${confirmed.body}`);
  return secret;
}

/** `GET /v1/users/:userId` as the partner's backend calls it. */
export async function partnerStatus(
  app: FastifyInstance,
  tenant: { secretKey: string },
  userId: string,
) {
  const response = await app.inject({
    url: `/v1/users/${encodeURIComponent(userId)}`,
    headers: { authorization: `Bearer ${tenant.secretKey}` },
  });
  if (response.statusCode !== 200) throw new Error(`status: ${response.statusCode}`);
  return response.json();
}

/** A step-up valid for a minute more in every session of the tenant, as if verified just now. */
export async function grantStepUp(app: FastifyInstance, tenantId: string, validMs = 60_000) {
  await app.db
    .updateTable('widget_sessions')
    .set({ step_up_until: new Date(Date.now() + validMs) })
    .where('tenant_id', '=', tenantId)
    .execute();
}
