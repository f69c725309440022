import { type Kysely, sql } from 'kysely';

/**
 * The statement that counts a send also refuses it, by raising `TF429` with the counter it went
 * over (as JSON, in the error's detail): its transaction then rolls back, and the send counts
 * nowhere. Decided in the statement, the commit can follow it in the same round trip, so the
 * counter rows that every send of a tenant shares are held for no round trip to the server.
 */
// biome-ignore lint/suspicious/noExplicitAny: migrations work on any schema and never import app code.
export async function up(db: Kysely<any>): Promise<void> {
  await sql`
    create function send_limit_reached(counter text) returns void language plpgsql as $$
    begin
      raise exception 'send limit reached' using errcode = 'TF429', detail = counter;
    end
    $$`.execute(db);
}

// biome-ignore lint/suspicious/noExplicitAny: see above.
export async function down(db: Kysely<any>): Promise<void> {
  await sql`drop function send_limit_reached(text)`.execute(db);
}
