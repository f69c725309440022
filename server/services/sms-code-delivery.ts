import type { FastifyInstance } from 'fastify';
import { decrypt } from '../crypto/encryption.ts';
import type { PhoneFactor } from '../db/types.ts';
import { CODE_DIGITS, CODE_TTL_SECONDS_MAX } from '../security-constants.ts';
import { type RequestContext, recordEvent } from './audit.ts';
import { type CodePurpose, discardCode, markSent, reserveCode } from './codes.ts';
import { assertNotLocked } from './lockout.ts';
import type { WidgetContext } from './sessions.ts';
import { codeSmsText } from './sms-text.ts';

export interface SentCode {
  maskedPhone: string;
  expiresAt: string;
  resendAt: string;
  codeLength: number;
}

/**
 * Sends a new code of `purpose` by SMS to `phone`: checks come first (lockout, resend wait), the
 * provider is called with no transaction open, and a provider failure leaves no trace but an audit
 * event: no usable code, no counted attempt.
 */
export async function sendSmsCode(
  app: FastifyInstance,
  widget: WidgetContext,
  input: {
    purpose: CodePurpose;
    sequence: readonly string[];
    phone: PhoneFactor;
    partnerOrigin: string;
    context: RequestContext;
    onFailure?: () => Promise<void>;
  },
): Promise<SentCode> {
  const { session, tenant, user } = widget;
  await assertNotLocked(app.db, user.id);
  const ttlSeconds = CODE_TTL_SECONDS_MAX;
  const reserved = await reserveCode(app.db, app.keys.codes, {
    tenantId: tenant.id,
    userId: user.id,
    sessionId: session.id,
    purpose: input.purpose,
    sequence: input.sequence,
    channel: 'sms',
    phoneFactorId: input.phone.id,
    ttlSeconds,
  });
  const text = codeSmsText({
    locale: session.locale,
    tenantName: tenant.name,
    code: reserved.code,
    ttlSeconds,
    partnerHost: new URL(input.partnerOrigin).host,
  });
  try {
    await app.smsSender.send({
      to: decrypt(app.keys.encryption, input.phone.phone_encrypted),
      text,
      sender: tenant.settings.smsSender,
    });
  } catch (error) {
    await discardCode(app.db, reserved.id);
    await input.onFailure?.();
    await recordEvent(app.db, {
      tenantId: tenant.id,
      userId: user.id,
      type: 'sms.delivery_failed',
      context: input.context,
      details: { purpose: input.purpose, country: input.phone.country },
    });
    throw error;
  }
  await markSent(app.db, reserved, session.id);
  await recordEvent(app.db, {
    tenantId: tenant.id,
    userId: user.id,
    type: 'sms.sent',
    context: input.context,
    details: { purpose: input.purpose, country: input.phone.country, send: reserved.send_number },
  });
  return {
    maskedPhone: input.phone.masked,
    expiresAt: reserved.expires_at.toISOString(),
    resendAt: reserved.resend_at.toISOString(),
    codeLength: CODE_DIGITS,
  };
}
