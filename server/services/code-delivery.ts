import type { Kysely } from 'kysely';
import { blindIndex } from '../crypto/encryption.ts';
import { unseal } from '../crypto/sealed-fields.ts';
import type { Database, PhoneFactor } from '../db/types.ts';
import { type Deps, SHARED_LIMITS_RETRY_AFTER_SECONDS } from '../deps.ts';
import { AppError } from '../errors.ts';
import { type RequestContext, recordEvent } from '../repositories/audit-events.ts';
import { withUserLocked, withUserLockedHeld } from '../repositories/locks.ts';
import type { ActiveMethods } from '../repositories/two-factor-methods.ts';
import { abandonCode, markCodeSent } from '../repositories/verification-codes.ts';
import { CODE_DIGITS, CODE_TTL_SECONDS_MAX } from '../security-constants.ts';
import {
  type CodePurpose,
  type Guarded,
  type LiveBehind,
  type ReserveScope,
  reserveCode,
} from './codes.ts';
import { codeEmail } from './email-templates/index.ts';
import type { LockedAttempt } from './locked-authentication.ts';
import {
  admitSend,
  ipKey,
  recordSendRefusal,
  refusedLimit,
  type SendFacts,
  sendRefusal,
} from './send-limits.ts';
import { sessionRef, type WidgetContext } from './sessions.ts';
import { codeSmsText } from './sms-text.ts';

export interface SentCode {
  /** The masked phone or email the code went to. */
  masked: string;
  expiresAt: string;
  resendAt: string;
  codeLength: number;
}

/** What a text message needs of the number it goes to. */
export type SendPhone = Pick<
  PhoneFactor,
  'id' | 'tenant_id' | 'user_id' | 'phone_encrypted' | 'phone_index' | 'country' | 'masked'
>;

/**
 * A reservation's guard for a text message to the active phone: the phone, when it is still the
 * active one under the lock (read there with the user's methods), is not read again.
 */
export function stillActive(phone: SendPhone, active: ActiveMethods): Guarded {
  if (active.phone?.id !== phone.id) return {};
  return { phone: { id: phone.id, phone_index: active.phone.index } };
}

type Destination =
  | { channel: 'sms'; phone: SendPhone; partnerOrigin: string }
  | { channel: 'email'; email: string; emailPurpose: 'sign-in' | 'verify-email' };

function sendFacts(
  deps: Deps,
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
      prefixIndex: blindIndex(deps.keys.blindIndex, to.slice(0, -4)),
      country: destination.phone.country,
    },
  };
}

/**
 * Writes what a send refused before its reservation: in the transaction its authentication began,
 * if it began one, which then ends (a second connection taken while that one is held could wait
 * on itself under load); otherwise on its own.
 */
export function beforeReservation(
  deps: Deps,
  opened: LockedAttempt<unknown> | undefined,
  write: (db: Kysely<Database>) => Promise<void>,
) {
  return opened ? opened.continue((trx) => write(trx)) : write(deps.db);
}

/** `jane@example.com` → `j•••@example.com`. */
export function maskEmail(email: string) {
  const at = email.lastIndexOf('@');
  return `${email.slice(0, 1)}•••${email.slice(at)}`;
}

function callProvider(
  deps: Deps,
  { session, tenant }: WidgetContext,
  destination: Destination,
  to: string,
  code: string,
  ttlSeconds: number,
) {
  if (destination.channel === 'sms') {
    return deps.smsSender.send({
      to,
      text: codeSmsText({
        locale: session.locale ?? 'en',
        tenantName: tenant.name,
        code,
        ttlSeconds,
        partnerHost: new URL(destination.partnerOrigin).host,
      }),
      sender: tenant.settings.smsSender,
    });
  }
  return deps.emailSender.send({
    to: destination.email,
    from: tenant.settings.emailSender,
    tag: 'code',
    ...codeEmail({
      locale: session.locale ?? 'en',
      tenantName: tenant.name,
      code,
      ttlMinutes: Math.round(ttlSeconds / 60),
      purpose: destination.emailPurpose,
    }),
  });
}

/**
 * Sends a new code of `purpose`: checks come first (lockout, resend wait, limits), the provider is
 * called with no transaction open, and a provider failure leaves no usable code and no counted
 * attempt, only an audit event. `guard` sees the session fresh, under its lock, before anything
 * is reserved, and throws when this send no longer fits it (see `reserveCode`).
 */
export async function deliverCode(
  deps: Deps,
  widget: WidgetContext,
  input: {
    purpose: CodePurpose;
    sequence: readonly string[];
    destination: Destination;
    context: RequestContext;
    guard?: ReserveScope['guard'];
    /** The reservation's transaction, begun by authentication (`liveCodeBehindLock`). */
    opened?: LockedAttempt<LiveBehind>;
  },
): Promise<SentCode> {
  const { tenant, user } = widget;
  const ref = sessionRef(widget);
  const { destination } = input;
  if (!deps.limits.sharedAvailable()) {
    throw new AppError('unavailable', {
      message: 'Codes cannot be sent right now. Try again shortly.',
      extra: { retryAfter: SHARED_LIMITS_RETRY_AFTER_SECONDS },
    });
  }
  const allowed = tenant.settings.allowedCountries;
  if (
    destination.channel === 'sms' &&
    allowed.length > 0 &&
    !allowed.includes(destination.phone.country)
  ) {
    // The allow-list may have narrowed since this number was enrolled.
    await beforeReservation(deps, input.opened, (db) =>
      recordSendRefusal(db, tenant.id, user.id, 'country', input.context, {
        country: destination.phone.country,
      }),
    );
    throw new AppError('country_not_allowed');
  }
  const ttlSeconds = Math.min(tenant.settings.codeLifetimeMinutes * 60, CODE_TTL_SECONDS_MAX);
  const to =
    destination.channel === 'sms'
      ? unseal(deps.keys, destination.phone.phone_encrypted, {
          table: 'phone_factors',
          column: 'phone_encrypted',
          tenantId: destination.phone.tenant_id,
          userId: destination.phone.user_id,
        })
      : destination.email;
  const facts = sendFacts(deps, user.id, destination, to, input.context);
  // One transaction reserves the code and counts the send, or refuses and leaves neither.
  const reserved = await reserveCode(
    deps.db,
    deps.keys.codes,
    {
      ...ref,
      purpose: input.purpose,
      sequence: input.sequence,
      channel: destination.channel,
      phoneFactorId: destination.channel === 'sms' ? destination.phone.id : null,
      ttlSeconds,
      guard: input.guard,
      admit: (trx) => admitSend(trx, tenant, facts),
    },
    input.opened,
  ).catch(async (failure) => {
    const error = sendRefusal(failure) ?? failure;
    if (error instanceof AppError && error.code === 'rate_limited') {
      const limit = refusedLimit(error);
      await recordSendRefusal(
        deps.db,
        tenant.id,
        user.id,
        limit ?? 'resend-wait',
        input.context,
        limit
          ? { channel: facts.channel, country: facts.phone?.country }
          : { channel: destination.channel },
      );
    }
    throw error;
  });
  // After the send, only the user's row is locked: the code changes, the session does not.
  const owner = { tenantId: ref.tenantId, userId: ref.userId };
  const auditDetails =
    destination.channel === 'sms'
      ? { purpose: reserved.purpose, channel: 'sms', country: destination.phone.country }
      : { purpose: reserved.purpose, channel: 'email' };
  try {
    await callProvider(deps, widget, destination, to, reserved.code, ttlSeconds);
  } catch (error) {
    await withUserLocked(deps.db, owner, async (trx) => {
      await abandonCode(trx, ref, reserved.id);
      await recordEvent(trx, {
        tenantId: tenant.id,
        userId: user.id,
        type: `${destination.channel}.delivery_failed`,
        context: input.context,
        details: auditDetails,
      });
    });
    throw error;
  }
  // The code went out: it becomes the live one and every earlier code of its sequence stops. The
  // lock and the change with its audit event go out together, in one round trip.
  await withUserLockedHeld(deps.db, owner, (trx) =>
    markCodeSent(trx, ref, reserved.id, reserved.sequence, {
      tenantId: tenant.id,
      userId: user.id,
      type: `${destination.channel}.sent`,
      context: input.context,
      details: { ...auditDetails, send: reserved.send_number },
    }),
  );
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
