import type { Kysely } from 'kysely';
import type { Database } from '../db/types.ts';
import { listEvents } from '../repositories/audit-events.ts';

/** A tenant's recent refused sends, newest first: where an SMS-pumping attack shows. */
export async function recentRefusals(
  db: Kysely<Database>,
  tenantId: string,
  page: { limit: number; before?: number },
) {
  const { rows, nextBefore } = await listEvents(db, { tenantId, type: 'send.refused' }, page);
  const refusals = rows.map((row) => {
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
  return { refusals, nextBefore };
}
