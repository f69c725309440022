import type { Transaction } from 'kysely';
import type { Database } from '../db/types.ts';
import type { Deps } from '../deps.ts';
import {
  type ChangeRecord,
  type RequestContext,
  recordEvent,
  recordEventWithNotice,
} from '../repositories/audit-events.ts';
import {
  claimDueNotices,
  deleteNotices,
  enqueueNotice,
  type NoticePayload,
  noticeRow,
  retryNoticeAt,
} from '../repositories/outbound-notices.ts';
import { type NotificationType, notificationEmail } from './email-templates/index.ts';
import type { Locale, WidgetContext } from './sessions.ts';
import { loadTenant, type TenantContext } from './tenants.ts';
import { browserLabel } from './trusted-browsers.ts';

type Recipient = Pick<WidgetContext, 'tenant' | 'user'> & { session?: WidgetContext['session'] };

/** What the email will say, or undefined when no email goes (no address, or notices off). */
function noticePayload(
  { tenant, user, session }: Recipient,
  context: RequestContext,
  maskedPhone?: string | null,
): NoticePayload | undefined {
  if (!tenant.settings.notifyUsers || !user.email) return undefined;
  return {
    locale: session?.locale ?? 'en',
    at: new Date().toISOString(),
    browser: context.userAgent ? browserLabel(context.userAgent) : null,
    maskedPhone: maskedPhone ?? null,
  };
}

/**
 * Queues an email to the user about a security change, in the transaction of the change, when the
 * partner gave an address and the tenant keeps notices on. The worker below sends it after the
 * answer: no request waits for the email provider, and a crash or an outage loses no notice.
 */
export async function queueNotice(
  trx: Transaction<Database>,
  recipient: Recipient,
  type: NotificationType,
  context: RequestContext,
  maskedPhone?: string | null,
) {
  const payload = noticePayload(recipient, context, maskedPhone);
  if (!payload) return;
  await enqueueNotice(
    trx,
    { tenantId: recipient.tenant.id, userId: recipient.user.id },
    type,
    payload,
  );
}

interface Change {
  type: NotificationType;
  context: RequestContext;
  details?: Record<string, unknown>;
  maskedPhone?: string | null;
}

/** A security change: its audit event and, as `queueNotice` would, its email, in one statement. */
export async function recordChange(
  trx: Transaction<Database>,
  recipient: Recipient,
  change: Change,
) {
  const { event, notice } = changeRecord(recipient, change);
  if (!notice) return recordEvent(trx, event);
  await recordEventWithNotice(trx, event, notice);
}

/** What `recordChange` writes, for a statement that writes it with the change itself. */
export function changeRecord(recipient: Recipient, change: Change): ChangeRecord {
  const ref = { tenantId: recipient.tenant.id, userId: recipient.user.id };
  const event = { ...ref, type: change.type, context: change.context, details: change.details };
  const payload = noticePayload(recipient, change.context, change.maskedPhone);
  return payload ? { event, notice: noticeRow(ref, change.type, payload) } : { event };
}

/** How long a claimed notice is this worker's before another may try it. */
const LEASE_MS = 60_000;
/** Claimed together: even at the provider's 10 s deadline each, a batch ends within its lease. */
const BATCH = 5;
const POLL_MS = 2000;
/**
 * A kick claims at once, but at most once this often: the kicks of a burst of changes share one
 * claim. Under load a claim per request would cost the database a statement for every change, most
 * of them finding nothing (a change queues no email when the user has no address).
 */
const KICK_INTERVAL_MS = 25;
const CLOSE_WAIT_MS = 2000;
/** 30 s, then doubling, at most an hour apart: about 8 hours of tries before a notice is dropped. */
const MAX_ATTEMPTS = 12;
const retryDelayMs = (attempts: number) => Math.min(30_000 * 2 ** (attempts - 1), 3_600_000);

/**
 * Sends queued notices: woken after each change that queued one (`kick`) and every few seconds, one
 * run at a time per instance; instances share the queue (claims skip each other's rows).
 */
export class NoticeWorker {
  readonly #deps: Pick<Deps, 'db' | 'emailSender' | 'log'>;
  #running: Promise<void> | null = null;
  #again = false;
  #closed = false;
  #timer: NodeJS.Timeout | undefined;
  #soon: NodeJS.Timeout | undefined;
  #lastClaim = 0;

  constructor(deps: Pick<Deps, 'db' | 'emailSender' | 'log'>) {
    this.#deps = deps;
  }

  start() {
    this.#timer = setInterval(() => this.#claimNow(), POLL_MS);
    this.#timer.unref();
    this.#claimNow();
  }

  /** A change was made that may have queued a notice: it is claimed now, or within 25 ms. */
  kick() {
    if (this.#closed || this.#soon) return;
    const wait = this.#lastClaim + KICK_INTERVAL_MS - performance.now();
    if (wait <= 0) return this.#claimNow();
    this.#soon = setTimeout(() => this.#claimNow(), wait);
    this.#soon.unref();
  }

  #claimNow() {
    clearTimeout(this.#soon);
    this.#soon = undefined;
    if (this.#closed) return;
    this.#lastClaim = performance.now();
    if (this.#running) {
      this.#again = true;
      return;
    }
    this.#running = this.#run()
      .catch((error) => this.#deps.log.warn({ err: error }, 'security notices not sent'))
      .finally(() => {
        this.#running = null;
        if (this.#again) {
          this.#again = false;
          this.#claimNow();
        }
      });
  }

  /** Sends every notice due now; resolves when none is left or the rest wait for a retry. */
  async drain() {
    this.#claimNow();
    while (this.#running) await this.#running;
  }

  /** Stops; waits a little for a run under way (a notice it leaves is claimed again later). */
  async close() {
    // A kick still waiting its turn claims now: what a change just queued goes out before this
    // instance stops, not when the next one starts.
    if (this.#soon) this.#claimNow();
    this.#closed = true;
    clearInterval(this.#timer);
    let timer: NodeJS.Timeout | undefined;
    const patience = new Promise<void>((resolve) => {
      timer = setTimeout(resolve, CLOSE_WAIT_MS);
    });
    await Promise.race([this.#running, patience]);
    clearTimeout(timer);
  }

  async #run() {
    while (!this.#closed) {
      const due = await claimDueNotices(this.#deps.db, BATCH, LEASE_MS);
      if (due.length === 0) return;
      // A batch reads each tenant once and removes what it sent in one statement.
      const tenants = new Map<string, Promise<TenantContext>>();
      const tenantOf = (id: string) => {
        let tenant = tenants.get(id);
        if (!tenant) {
          tenant = loadTenant(this.#deps.db, id);
          tenants.set(id, tenant);
          // A failed read is not kept: the tenant's next notice tries again.
          tenant.catch(() => tenants.delete(id));
        }
        return tenant;
      };
      const done: string[] = [];
      try {
        for (const notice of due) {
          if (await this.#deliver(notice, tenantOf)) done.push(notice.id);
        }
      } finally {
        // What went out goes from the queue even when the batch stops half-way.
        await deleteNotices(this.#deps.db, done);
      }
    }
  }

  /** True when the notice is done with: sent, not to be sent, or dropped after its last try. */
  async #deliver(
    notice: Awaited<ReturnType<typeof claimDueNotices>>[number],
    tenantOf: (id: string) => Promise<TenantContext>,
  ) {
    const { db, emailSender, log } = this.#deps;
    try {
      const tenant = await tenantOf(notice.tenant_id);
      // The tenant may have turned notices off, or the user dropped their address, meanwhile.
      if (tenant.settings.notifyUsers && notice.email) {
        await emailSender.send({
          to: notice.email,
          from: tenant.settings.emailSender,
          tag: 'notification',
          ...notificationEmail({
            locale: notice.payload.locale as Locale,
            tenantName: tenant.name,
            type: notice.type as NotificationType,
            at: new Date(notice.payload.at),
            browser: notice.payload.browser,
            maskedPhone: notice.payload.maskedPhone,
          }),
        });
      }
      return true;
    } catch (error) {
      const details = { err: error, type: notice.type, tenantId: notice.tenant_id };
      if (notice.attempts >= MAX_ATTEMPTS) {
        log.error({ ...details, attempts: notice.attempts }, 'security notice dropped');
        return true;
      }
      log.warn(details, 'security notice not sent; it will be tried again');
      const at = new Date(Date.now() + retryDelayMs(notice.attempts));
      await retryNoticeAt(db, notice.id, at, (error as Error).message ?? String(error));
      return false;
    }
  }
}
