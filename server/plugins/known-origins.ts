import type { Kysely } from 'kysely';
import type { Database } from '../db/types.ts';

const TTL_MS = 30_000;
const MAX_ENTRIES = 10_000;

/**
 * Whether any tenant allows an origin, remembered for 30 s: preflights and first checks then cost
 * no query. A request is still held to its own tenant's origins, read fresh with its session.
 */
export class KnownOrigins {
  readonly #cache = new Map<string, { known: boolean; until: number }>();

  constructor(private readonly db: Kysely<Database>) {}

  /** What is remembered, without a query: undefined when unknown or stale. */
  peek(origin: string): boolean | undefined {
    const cached = this.#cache.get(origin);
    return cached && cached.until > Date.now() ? cached.known : undefined;
  }

  async has(origin: string): Promise<boolean> {
    const now = Date.now();
    const remembered = this.peek(origin);
    if (remembered !== undefined) return remembered;
    const row = await this.db
      .selectFrom('tenant_origins')
      .select('tenant_id')
      .where('origin', '=', origin)
      .executeTakeFirst();
    if (this.#cache.size >= MAX_ENTRIES) this.#cache.clear();
    this.#cache.set(origin, { known: row !== undefined, until: now + TTL_MS });
    return row !== undefined;
  }
}
