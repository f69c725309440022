import type { Deps } from '../deps.ts';
import { AppError } from '../errors.ts';
import type { RequestContext } from '../repositories/audit-events.ts';
import { withUserLocked } from '../repositories/locks.ts';
import { deletePhones } from '../repositories/phone-factors.ts';
import { deleteTrustedBrowsers } from '../repositories/trusted-browsers.ts';
import { activeMethods } from '../repositories/two-factor-methods.ts';
import { setPreferredMethod } from '../repositories/users.ts';
import { recordChange } from './notice-queue.ts';
import { sessionRef, type WidgetContext } from './sessions.ts';
import { requireStepUp } from './step-up.ts';
import { type Method, methodsOf } from './two-factor-state.ts';

/**
 * Removes the phone (after a step-up) when the app stays: the number and any code sent to it go.
 * The only method goes by turning two-factor off.
 */
export async function removePhone(deps: Deps, widget: WidgetContext, context: RequestContext) {
  requireStepUp(widget);
  const ref = sessionRef(widget);
  await withUserLocked(deps.db, ref, async (trx) => {
    const active = await activeMethods(trx, ref);
    if (!active.phone) {
      throw new AppError('not_enabled', { message: 'No phone number is set up.' });
    }
    if (!active.totp) throw new AppError('last_method');
    // Every number of the user, pending ones too; their codes follow by the foreign key.
    await deletePhones(trx, ref);
    // Like a change of phone: a browser trusted while the number was a way in is asked again.
    await deleteTrustedBrowsers(trx, ref);
    if (active.preferred === 'sms') await setPreferredMethod(trx, ref, null);
    await recordChange(trx, widget, { type: 'phone.removed', context });
  });
  deps.notices.kick();
}

/** The method asked first at sign-in; one the user has (no step-up: it weakens nothing). */
export async function choosePreferredMethod(deps: Deps, widget: WidgetContext, method: Method) {
  const ref = sessionRef(widget);
  return withUserLocked(deps.db, ref, async (trx) => {
    if (!methodsOf(await activeMethods(trx, ref)).includes(method)) {
      throw new AppError('not_enabled', {
        message:
          method === 'totp' ? 'No authenticator app is set up.' : 'No phone number is set up.',
      });
    }
    await setPreferredMethod(trx, ref, method);
    return { preferredMethod: method };
  });
}
