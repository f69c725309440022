import type { FastifyInstance } from 'fastify';
import { blindIndex, encrypt } from '../crypto/encryption.ts';
import { AppError } from '../errors.ts';
import { type RequestContext, recordEvent } from './audit.ts';
import { deliverCode, phoneCodeAnswer } from './code-delivery.ts';
import { checkCode, currentCode, sequenceOf } from './codes.ts';
import { verificationAttempt } from './lockout.ts';
import { notifyUser } from './notify.ts';
import { assertPhoneAllowed, type PhoneInput, parsePhone } from './phone-numbers.ts';
import { issueRecoveryCodes } from './recovery-codes.ts';
import { recordSendRefusal } from './send-limits.ts';
import type { WidgetContext } from './sessions.ts';
import { requireStepUp } from './step-up.ts';
import { revokeTrustedBrowsers } from './trusted-browsers.ts';
import { activePhone } from './two-factor-state.ts';

const sequence = sequenceOf('enrol');

/**
 * Sends a code to a new number: enrolment when two-factor is off, a change of phone when it is on
 * (then only after a step-up). The number waits as a pending factor; the current one, if any,
 * keeps protecting the account until the new one is verified.
 */
export async function startPhoneVerification(
  app: FastifyInstance,
  widget: WidgetContext,
  input: PhoneInput,
  origin: string,
  context: RequestContext,
) {
  const { tenant, user } = widget;
  const current = await activePhone(app.db, user.id);
  // Two-factor is on: this is a change of phone, like the other sensitive changes behind step-up.
  if (current) requireStepUp(widget);
  const parsed = parsePhone(input);
  try {
    assertPhoneAllowed(parsed, tenant.settings.allowedCountries);
  } catch (error) {
    const limit = (error as AppError).code === 'country_not_allowed' ? 'country' : 'number-type';
    await recordSendRefusal(app.db, tenant.id, user.id, limit, context, {
      country: parsed.country,
      type: parsed.type ?? null,
    });
    throw error;
  }
  const index = blindIndex(app.keys.blindIndex, parsed.e164);
  if (current?.phone_index === index) {
    throw new AppError('invalid_request', { message: 'That is already the number in use.' });
  }
  const pending = await app.db
    .insertInto('phone_factors')
    .values({
      tenant_id: tenant.id,
      user_id: user.id,
      status: 'pending',
      phone_encrypted: encrypt(app.keys.encryption, parsed.e164),
      phone_index: index,
      country: parsed.country,
      masked: parsed.masked,
    })
    .returningAll()
    .executeTakeFirstOrThrow();
  try {
    return phoneCodeAnswer(
      await deliverCode(app, widget, {
        purpose: current ? 'change-phone' : 'enrol',
        sequence,
        destination: { channel: 'sms', phone: pending, partnerOrigin: origin },
        context,
      }),
    );
  } catch (error) {
    // Refused or failed: the number was never confirmed, so it is not kept.
    await app.db.deleteFrom('phone_factors').where('id', '=', pending.id).execute();
    throw error;
  }
}

/** A new code to the number of the live phone code, under the growing resend wait. */
export async function resendPhoneCode(
  app: FastifyInstance,
  widget: WidgetContext,
  origin: string,
  context: RequestContext,
) {
  const live = await currentCode(app.db, widget.session.id, sequence);
  if (live?.purpose === 'change-phone') requireStepUp(widget);
  const phone = live?.phone_factor_id
    ? await app.db
        .selectFrom('phone_factors')
        .selectAll()
        .where('id', '=', live.phone_factor_id)
        .executeTakeFirst()
    : undefined;
  if (!live || !phone)
    throw new AppError('invalid_request', {
      message: 'There is no code to resend. Enter your number first.',
    });
  const sent = await deliverCode(app, widget, {
    purpose: live.purpose as 'enrol',
    sequence,
    destination: { channel: 'sms', phone, partnerOrigin: origin },
    context,
  });
  return phoneCodeAnswer(sent);
}

/**
 * Verifies the phone code. Enrolment turns two-factor on with a new set of recovery codes (shown
 * once, in this answer); a change swaps the verified number in for the old one in one transaction.
 */
export async function verifyPhone(
  app: FastifyInstance,
  widget: WidgetContext,
  code: string,
  context: RequestContext,
) {
  const { session, tenant, user } = widget;
  type Verified = { phoneChanged: true } | { enabled: true; recoveryCodes: string[] };
  const result = await verificationAttempt<Verified>(
    app.db,
    { tenantId: tenant.id, userId: user.id, context },
    async (trx) => {
      const outcome = await checkCode(trx, app.keys.codes, session.id, sequence, code);
      if (!outcome.ok) return outcome;
      const verified = outcome.value;
      // A change of phone needs the step-up to hold until the new number is verified.
      if (verified.purpose === 'change-phone') requireStepUp(widget);
      const current = await activePhone(trx, user.id);
      if (verified.purpose === 'enrol' && current) throw new AppError('already_enabled');
      if (verified.purpose === 'change-phone' && !current) throw new AppError('not_enabled');
      if (current) await trx.deleteFrom('phone_factors').where('id', '=', current.id).execute();
      await trx
        .updateTable('phone_factors')
        .set({
          status: 'active',
          verified_at: new Date(),
          enabled_at: current?.enabled_at ?? current?.verified_at ?? new Date(),
        })
        .where('id', '=', verified.phone_factor_id as string)
        .execute();
      await trx
        .deleteFrom('phone_factors')
        .where('user_id', '=', user.id)
        .where('status', '=', 'pending')
        .execute();
      if (verified.purpose === 'change-phone') {
        await revokeTrustedBrowsers(trx, user.id);
        await recordEvent(trx, {
          tenantId: tenant.id,
          userId: user.id,
          type: 'phone.changed',
          context,
        });
        return { ok: true, value: { phoneChanged: true } };
      }
      const recoveryCodes = await issueRecoveryCodes(trx, app.keys, tenant, user.id);
      await recordEvent(trx, {
        tenantId: tenant.id,
        userId: user.id,
        type: 'two_factor.enabled',
        context,
      });
      return { ok: true, value: { enabled: true, recoveryCodes } };
    },
  );
  const phone = await activePhone(app.db, user.id);
  const notice = 'phoneChanged' in result ? 'phone.changed' : 'two_factor.enabled';
  await notifyUser(app, widget, notice, context, phone?.masked);
  return result;
}
