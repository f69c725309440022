import type { Kysely } from 'kysely';
import type { Database } from '../db/types.ts';

/** A tenant's recent refused sends, newest first: where an SMS-pumping attack shows. */
export async function recentRefusals(
  db: Kysely<Database>,
  tenantId: string,
  page: { limit: number; before?: number },
) {
  let query = db
    .selectFrom('audit_events')
    .leftJoin('users', 'users.id', 'audit_events.user_id')
    .select([
      'audit_events.id',
      'audit_events.details',
      'audit_events.ip',
      'audit_events.created_at',
      'users.external_id',
    ])
    .where('audit_events.tenant_id', '=', tenantId)
    .where('audit_events.type', '=', 'send.refused')
    .orderBy('audit_events.id', 'desc')
    .limit(page.limit + 1);
  if (page.before !== undefined) query = query.where('audit_events.id', '<', String(page.before));
  const rows = await query.execute();
  const refusals = rows.slice(0, page.limit).map((row) => {
    const { limit, ...details } = row.details as { limit?: string };
    return {
      id: Number(row.id),
      limit: limit ?? 'unknown',
      userId: row.external_id,
      ip: row.ip,
      details,
      createdAt: row.created_at.toISOString(),
    };
  });
  const last = refusals.at(-1);
  return { refusals, nextBefore: rows.length > page.limit && last ? last.id : null };
}
