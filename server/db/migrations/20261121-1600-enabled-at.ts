import type { Kysely } from 'kysely';

// biome-ignore lint/suspicious/noExplicitAny: migrations work on any schema and never import app code.
export async function up(db: Kysely<any>): Promise<void> {
  // When two-factor was turned on: kept across changes of phone, unlike verified_at.
  await db.schema.alterTable('phone_factors').addColumn('enabled_at', 'timestamptz').execute();
}

// biome-ignore lint/suspicious/noExplicitAny: see above.
export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('phone_factors').dropColumn('enabled_at').execute();
}
