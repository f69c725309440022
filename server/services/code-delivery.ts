import type { FastifyInstance } from 'fastify';
import { blindIndex, decrypt } from '../crypto/encryption.ts';
import type { PhoneFactor } from '../db/types.ts';
import { AppError } from '../errors.ts';
import { assertSharedLimitsAvailable } from '../plugins/redis.ts';
import { CODE_DIGITS, CODE_TTL_SECONDS_MAX } from '../security-constants.ts';
import { type RequestContext, recordEvent } from './audit.ts';
import { type CodePurpose, discardCode, markSent, reserveCode } from './codes.ts';
import { codeEmail } from './email-templates/index.ts';
import { assertNotLocked } from './lockout.ts';
import { admitSend, ipKey, recordSendRefusal, type SendFacts } from './send-limits.ts';
import type { WidgetContext } from './sessions.ts';
import { codeSmsText } from './sms-text.ts';

export interface SentCode {
  /** The masked phone or email the code went to. */
  masked: string;
  expiresAt: string;
  resendAt: string;
  codeLength: number;
}

type Destination =
  | { channel: 'sms'; phone: PhoneFactor; partnerOrigin: string }
  | { channel: 'email'; email: string; emailPurpose: 'sign-in' | 'verify-email' };

function sendFacts(
  app: FastifyInstance,
  userId: string,
  destination: Destination,
  to: string,
  context: RequestContext,
): SendFacts {
  const facts: SendFacts = { channel: destination.channel, userId, ipKey: ipKey(context.ip) };
  if (destination.channel !== 'sms') return facts;
  return {
    ...facts,
    phone: {
      index: destination.phone.phone_index,
      prefixIndex: blindIndex(app.keys.blindIndex, to.slice(0, -4)),
      country: destination.phone.country,
    },
  };
}

/** `jane@example.com` → `j•••@example.com`. */
export function maskEmail(email: string) {
  const at = email.lastIndexOf('@');
  return `${email.slice(0, 1)}•••${email.slice(at)}`;
}

/**
 * Sends a new code of `purpose`: checks come first (lockout, resend wait), the provider is called
 * with no transaction open, and a provider failure leaves no usable code and no counted attempt,
 * only an audit event.
 */
export async function deliverCode(
  app: FastifyInstance,
  widget: WidgetContext,
  input: {
    purpose: CodePurpose;
    sequence: readonly string[];
    destination: Destination;
    context: RequestContext;
  },
): Promise<SentCode> {
  const { session, tenant, user } = widget;
  const { destination } = input;
  assertSharedLimitsAvailable(app);
  await assertNotLocked(app.db, user.id);
  const allowed = tenant.settings.allowedCountries;
  if (
    destination.channel === 'sms' &&
    allowed.length > 0 &&
    !allowed.includes(destination.phone.country)
  ) {
    // The allow-list may have narrowed since this number was enrolled.
    await recordSendRefusal(app.db, tenant.id, user.id, 'country', input.context, {
      country: destination.phone.country,
    });
    throw new AppError('country_not_allowed');
  }
  const ttlSeconds = Math.min(tenant.settings.codeLifetimeMinutes * 60, CODE_TTL_SECONDS_MAX);
  const reserved = await reserveCode(app.db, app.keys.codes, {
    tenantId: tenant.id,
    userId: user.id,
    sessionId: session.id,
    purpose: input.purpose,
    sequence: input.sequence,
    channel: destination.channel,
    phoneFactorId: destination.channel === 'sms' ? destination.phone.id : null,
    ttlSeconds,
  }).catch(async (error) => {
    if (error instanceof AppError && error.code === 'rate_limited') {
      await recordSendRefusal(app.db, tenant.id, user.id, 'resend-wait', input.context, {
        channel: destination.channel,
      });
    }
    throw error;
  });
  const to =
    destination.channel === 'sms'
      ? decrypt(app.keys.encryption, destination.phone.phone_encrypted)
      : destination.email;
  try {
    await admitSend(
      app.db,
      tenant,
      sendFacts(app, user.id, destination, to, input.context),
      input.context,
    );
  } catch (error) {
    await discardCode(app.db, reserved.id);
    throw error;
  }
  const auditDetails =
    destination.channel === 'sms'
      ? { purpose: input.purpose, channel: 'sms', country: destination.phone.country }
      : { purpose: input.purpose, channel: 'email' };
  try {
    if (destination.channel === 'sms') {
      await app.smsSender.send({
        to,
        text: codeSmsText({
          locale: session.locale,
          tenantName: tenant.name,
          code: reserved.code,
          ttlSeconds,
          partnerHost: new URL(destination.partnerOrigin).host,
        }),
        sender: tenant.settings.smsSender,
      });
    } else {
      await app.emailSender.send({
        to: destination.email,
        from: tenant.settings.emailSender,
        tag: 'code',
        ...codeEmail({
          locale: session.locale,
          tenantName: tenant.name,
          code: reserved.code,
          ttlMinutes: Math.round(ttlSeconds / 60),
          purpose: destination.emailPurpose,
        }),
      });
    }
  } catch (error) {
    await discardCode(app.db, reserved.id);
    await recordEvent(app.db, {
      tenantId: tenant.id,
      userId: user.id,
      type: `${destination.channel}.delivery_failed`,
      context: input.context,
      details: auditDetails,
    });
    throw error;
  }
  await markSent(app.db, reserved, session.id);
  await recordEvent(app.db, {
    tenantId: tenant.id,
    userId: user.id,
    type: `${destination.channel}.sent`,
    context: input.context,
    details: { ...auditDetails, send: reserved.send_number },
  });
  return {
    masked: destination.channel === 'sms' ? destination.phone.masked : maskEmail(destination.email),
    expiresAt: reserved.expires_at.toISOString(),
    resendAt: reserved.resend_at.toISOString(),
    codeLength: CODE_DIGITS,
  };
}

/** The answer of the enrolment and step-up routes. */
export function phoneCodeAnswer({ masked, ...sent }: SentCode) {
  return { maskedPhone: masked, ...sent };
}
