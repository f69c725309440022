import { blindIndex } from '../crypto/encryption.ts';
import { seal } from '../crypto/sealed-fields.ts';
import type { Deps } from '../deps.ts';
import { AppError } from '../errors.ts';
import type { RequestContext } from '../repositories/audit-events.ts';
import {
  activatePhone,
  activePhone,
  findPhone,
  insertPendingPhone,
  pendingPhone,
} from '../repositories/phone-factors.ts';
import { activeTotp } from '../repositories/totp-factors.ts';
import { deleteTrustedBrowsers } from '../repositories/trusted-browsers.ts';
import { spentCodes } from '../repositories/verification-codes.ts';
import { sessionExists } from '../repositories/widget-sessions.ts';
import { assertMethodAllowed } from './authenticator-app.ts';
import { beforeReservation, deliverCode, phoneCodeAnswer } from './code-delivery.ts';
import {
  checkCode,
  currentCode,
  type LiveBehind,
  liveCodeBehindLock,
  sequenceOf,
  type TakenCode,
  takeCodeBehindLock,
} from './codes.ts';
import type { LockedAttempt } from './locked-authentication.ts';
import { verificationAttempt } from './lockout.ts';
import { changeRecord, recordChange } from './notice-queue.ts';
import type { PhoneInput } from './phone-numbers.ts';
import { newRecoveryCodeSet } from './recovery-codes.ts';
import { recordSendRefusal } from './send-limits.ts';
import { sessionRef, type WidgetContext } from './sessions.ts';
import { requireStepUp } from './step-up.ts';

const sequence = sequenceOf('enrol');

let phoneNumbersModule: Promise<typeof import('./phone-numbers.ts')> | undefined;
/**
 * Phone metadata costs the server about 20 MB: loaded at the first number, not at start-up. Kept
 * once loaded: each `import()` of a loaded module still costs a resolution, about 50 µs a send.
 */
const phoneNumbers = () => {
  phoneNumbersModule ??= import('./phone-numbers.ts');
  return phoneNumbersModule;
};

/**
 * Sends a code to a new number: enrolment when two-factor is off, a change of phone when it is on
 * (then only after a step-up). The number waits as a pending factor; the current one, if any,
 * keeps protecting the account until the new one is verified.
 */
export async function startPhoneVerification(
  deps: Deps,
  widget: WidgetContext,
  input: PhoneInput,
  origin: string,
  context: RequestContext,
  /** Begun by authentication, with `phoneSendBehindLock` (plugins/widget-auth.ts). */
  opened?: LockedAttempt<LiveBehind>,
) {
  const { tenant, user } = widget;
  const ref = sessionRef(widget);
  const { assertPhoneAllowed, parsePhone } = await phoneNumbers();
  const parsed = parsePhone(input);
  try {
    assertPhoneAllowed(parsed, tenant.settings.allowedCountries);
  } catch (error) {
    const limit = (error as AppError).code === 'country_not_allowed' ? 'country' : 'number-type';
    await beforeReservation(deps, opened, (db) =>
      recordSendRefusal(db, tenant.id, user.id, limit, context, {
        country: parsed.country,
        type: parsed.type ?? null,
      }),
    );
    throw error;
  }
  const index = blindIndex(deps.keys.blindIndex, parsed.e164);
  const pending = pendingPhone(ref, {
    encrypted: seal(deps.keys, parsed.e164, {
      table: 'phone_factors',
      column: 'phone_encrypted',
      ...ref,
    }),
    index,
    country: parsed.country,
    masked: parsed.masked,
  });
  // The number is written in the code's reservation: a refused send (a limit, the wait) leaves
  // nothing behind. A provider failure keeps it pending (it protects nothing, and is purged in a
  // day): the message may still arrive late, and its code, kept as never sent, is then recognised
  // and not counted against the patient.
  const sent = await deliverCode(deps, widget, {
    purpose: 'enrol',
    sequence,
    destination: { channel: 'sms', phone: pending, partnerOrigin: origin },
    context,
    opened,
    guard: async (_session, trx, { phone: current, totp }) => {
      // Adding a phone turns a method on; changing the one there is not adding one.
      if (!current) assertMethodAllowed(widget, 'sms');
      // Two-factor is on (a phone, an app): a change to it, like the other changes behind step-up.
      if (current || totp) requireStepUp(widget);
      if (current?.index === index) {
        throw new AppError('invalid_request', { message: 'That is already the number in use.' });
      }
      await insertPendingPhone(trx, pending);
      return { purpose: current ? 'change-phone' : 'enrol', phone: pending };
    },
  });
  return phoneCodeAnswer(sent);
}

/** A new code to the number of the live phone code, under the growing resend wait. */
export async function resendPhoneCode(
  deps: Deps,
  widget: WidgetContext,
  origin: string,
  context: RequestContext,
) {
  const ref = sessionRef(widget);
  const live = await currentCode(deps.db, ref, sequence);
  // Only a change keeps a phone the user has; any other code would turn text messages on.
  if (live?.purpose !== 'change-phone') assertMethodAllowed(widget, 'sms');
  // Two-factor turned on by the app meanwhile: a phone code costs a step-up, as its start does.
  if (live?.purpose === 'change-phone' || (await activeTotp(deps.db, ref))) {
    requireStepUp(widget);
  }
  const phone = live?.phone_factor_id
    ? await findPhone(deps.db, ref, live.phone_factor_id)
    : undefined;
  if (!live || !phone)
    throw new AppError('invalid_request', {
      message: 'There is no code to resend. Enter your number first.',
    });
  const sent = await deliverCode(deps, widget, {
    purpose: live.purpose as 'enrol',
    sequence,
    destination: { channel: 'sms', phone, partnerOrigin: origin },
    context,
  });
  return phoneCodeAnswer(sent);
}

/** The code's sequence is known before the session is read: its take goes out with that read. */
export const phoneCodeBehindLock = takeCodeBehindLock(sequence);

/** The same for a send to a new number: its live code is read with the session. */
export const phoneSendBehindLock = liveCodeBehindLock(sequence);

/**
 * Verifies the phone code. Enrolment turns two-factor on with a new set of recovery codes (shown
 * once, in this answer), or adds the phone beside the app (the codes stay); a change swaps the
 * verified number in for the old one in one transaction.
 */
export async function verifyPhone(
  deps: Deps,
  widget: WidgetContext,
  code: string,
  context: RequestContext,
  /** Begun by authentication, with `phoneCodeBehindLock` (plugins/widget-auth.ts). */
  opened: LockedAttempt<TakenCode>,
) {
  const { tenant } = widget;
  const ref = sessionRef(widget);
  type Verified =
    | { phoneChanged: true }
    | { methodAdded: 'sms' }
    | { enabled: true; recoveryCodes: string[] };
  // The user's row alone is locked: nothing here changes the session, whose codes go with it.
  const answer = await verificationAttempt<Verified, TakenCode>(
    deps.db,
    { tenantId: ref.tenantId, userId: ref.userId, context },
    async (trx, active, taken) => {
      // A number sent before the tenant stopped offering text messages is not turned on after it:
      // only a change keeps one.
      if (!tenant.settings.methods.includes('sms') && !active.phone) {
        assertMethodAllowed(widget, 'sms');
      }
      const outcome = await checkCode(
        trx,
        deps.keys,
        ref,
        sequence,
        code,
        async () => {
          // Ended meanwhile (signed out, erased): its codes went with it, and no guess was made.
          if (!(await sessionExists(trx, ref))) return new AppError('session_expired');
          // This session's phone codes are all gone, and a number was verified since it began: that
          // verification (another tab) removed the number they went to. The patient's own code, not a
          // guess, and no code of this session can work now.
          const current = await activePhone(trx, ref);
          if (!current?.verified_at || current.verified_at <= widget.session.created_at) return;
          const kept = await spentCodes(trx, ref, widget.session.created_at);
          if (kept.some((row) => sequence.some((purpose) => purpose === row.purpose))) return;
          return new AppError('phone_replaced');
        },
        taken,
      );
      if (!outcome.ok) return outcome;
      const verified = outcome.value;
      // What the new number does is decided by the methods read under the user's lock: the
      // activation goes out with the statements after it, and nothing reads its answer.
      if (verified.purpose === 'enrol' && active.phone) throw new AppError('already_enabled');
      if (verified.purpose === 'change-phone') {
        // A change of phone needs the step-up to hold until the new number is verified.
        requireStepUp(widget);
        if (!active.phone) throw new AppError('not_enabled');
      }
      // Beside the app, two-factor has been on since the app was confirmed.
      const onSince = active.totp?.confirmedAt ?? new Date();
      const phoneId = verified.phone_factor_id as string;
      const change = { context, maskedPhone: verified.phone_masked };
      if (verified.purpose === 'change-phone') {
        await activatePhone(trx, ref, phoneId, onSince);
        await deleteTrustedBrowsers(trx, ref);
        await recordChange(trx, widget, { type: 'phone.changed', ...change });
        return { ok: true, value: { phoneChanged: true } };
      }
      if (active.totp) {
        // A phone beside the app: a second method, behind the same fresh step-up as its start.
        requireStepUp(widget);
        await activatePhone(trx, ref, phoneId, onSince);
        await recordChange(trx, widget, { type: 'phone.added', ...change });
        return { ok: true, value: { methodAdded: 'sms' } };
      }
      // Two-factor turns on: the phone, the first recovery codes and the record, one statement.
      const set = newRecoveryCodeSet(deps.keys, tenant, ref.userId);
      const record = changeRecord(widget, { type: 'two_factor.enabled', ...change });
      await activatePhone(trx, ref, phoneId, onSince, { set: set.stored, record });
      return { ok: true, value: { enabled: true, recoveryCodes: set.shown } };
    },
    opened,
  );
  deps.notices.kick();
  return answer;
}
