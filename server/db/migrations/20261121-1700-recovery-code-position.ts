import type { Kysely } from 'kysely';

// biome-ignore lint/suspicious/noExplicitAny: migrations work on any schema and never import app code.
export async function up(db: Kysely<any>): Promise<void> {
  // One set per user: two sets issued at once can never both stand.
  await db.schema
    .createIndex('recovery_codes_user_position')
    .on('recovery_codes')
    .columns(['user_id', 'position'])
    .unique()
    .execute();
}

// biome-ignore lint/suspicious/noExplicitAny: see above.
export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropIndex('recovery_codes_user_position').execute();
}
