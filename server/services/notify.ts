import type { Deps } from '../deps.ts';
import type { RequestContext } from '../repositories/audit-events.ts';
import { type NotificationType, notificationEmail } from './email-templates/index.ts';
import type { WidgetContext } from './sessions.ts';
import { browserLabel } from './trusted-browsers.ts';

/**
 * Emails the user about a security change, when the partner gave an address and the tenant keeps
 * notices on. Called after the change has committed, so it never throws: a failed notice is
 * logged and never turns the committed change into an error.
 */
export async function notifyUser(
  deps: Pick<Deps, 'emailSender' | 'log'>,
  {
    tenant,
    user,
    session,
  }: Pick<WidgetContext, 'tenant' | 'user'> & { session?: WidgetContext['session'] },
  type: NotificationType,
  context: RequestContext,
  maskedPhone?: string | null,
) {
  if (!tenant.settings.notifyUsers || !user.email) return;
  try {
    await deps.emailSender.send({
      to: user.email,
      from: tenant.settings.emailSender,
      tag: 'notification',
      ...notificationEmail({
        locale: session?.locale ?? 'en',
        tenantName: tenant.name,
        type,
        at: new Date(),
        browser: context.userAgent ? browserLabel(context.userAgent) : null,
        maskedPhone: maskedPhone ?? null,
      }),
    });
  } catch (error) {
    deps.log.warn({ err: error, type, tenantId: tenant.id }, 'security notice not sent');
  }
}
