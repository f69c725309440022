import type { Kysely } from 'kysely';
import type { Database } from '../db/types.ts';

/** Where a request came from, recorded with every security event. */
export interface RequestContext {
  ip: string | null;
  userAgent: string | null;
}

export async function recordEvent(
  db: Kysely<Database>,
  event: {
    tenantId: string;
    userId?: string | null;
    type: string;
    context?: RequestContext;
    details?: Record<string, unknown>;
  },
) {
  await db
    .insertInto('audit_events')
    .values({
      tenant_id: event.tenantId,
      user_id: event.userId ?? null,
      type: event.type,
      ip: event.context?.ip ?? null,
      user_agent: event.context?.userAgent?.slice(0, 512) ?? null,
      details: JSON.stringify(event.details ?? {}),
    })
    .execute();
}
