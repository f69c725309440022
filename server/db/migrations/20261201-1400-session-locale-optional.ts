import { type Kysely, sql } from 'kysely';

/**
 * A session minted without a locale has none (null), rather than English: the element then speaks
 * its `locale` attribute or the browser's language, and codes and notices fall back to English.
 */
// biome-ignore lint/suspicious/noExplicitAny: migrations work on any schema and never import app code.
export async function up(db: Kysely<any>): Promise<void> {
  await sql`alter table widget_sessions alter column locale drop not null`.execute(db);
}

// biome-ignore lint/suspicious/noExplicitAny: see above.
export async function down(db: Kysely<any>): Promise<void> {
  await sql`update widget_sessions set locale = 'en' where locale is null`.execute(db);
  await sql`alter table widget_sessions alter column locale set not null`.execute(db);
}
