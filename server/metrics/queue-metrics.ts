import type { Kysely } from 'kysely';
import { Gauge, type Registry } from 'prom-client';
import type { Database } from '../db/types.ts';
import type { Deps } from '../deps.ts';
import { countNotices } from '../repositories/outbound-notices.ts';

/**
 * `tfa_notice_queue_depth`, read from the database at each scrape: the queue is shared by every
 * instance, so each one reports the same figure. NaN when the database does not answer, so that a
 * scrape still shows the rest.
 */
export function noticeQueueGauge(registry: Registry, db: Kysely<Database>, log: Deps['log']) {
  return new Gauge({
    name: 'tfa_notice_queue_depth',
    help: 'Security notices waiting to be sent (all instances together).',
    registers: [registry],
    async collect() {
      try {
        this.set(await countNotices(db));
      } catch (error) {
        log.warn({ err: error }, 'notice queue depth not read');
        this.set(Number.NaN);
      }
    },
  });
}
