import { type Kysely, sql } from 'kysely';

// Migrations use Kysely<any> and never import app code: they must keep working as the code moves.
// Every table is prefixed `demo_`: the demo shares the two-factor server's database.
// biome-ignore lint/suspicious/noExplicitAny: see above.
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('demo_users')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('email', 'text', (c) => c.notNull().unique())
    .addColumn('password_hash', 'text', (c) => c.notNull())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('privacy_accepted_at', 'timestamptz', (c) => c.notNull())
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .execute();

  await db.schema
    .createTable('demo_sessions')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('user_id', 'text', (c) =>
      c.notNull().references('demo_users.id').onDelete('cascade'),
    )
    .addColumn('two_factor_pending', 'boolean', (c) => c.notNull().defaultTo(false))
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn('expires_at', 'timestamptz', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('demo_sessions_user').on('demo_sessions').column('user_id').execute();

  await db.schema
    .createTable('demo_sign_ups')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('user_id', 'text', (c) => c.notNull().unique())
    .addColumn('email', 'text', (c) => c.notNull())
    .addColumn('email_verified_at', 'timestamptz')
    .addColumn('privacy_accepted_at', 'timestamptz')
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn('expires_at', 'timestamptz', (c) => c.notNull())
    .execute();
}

// biome-ignore lint/suspicious/noExplicitAny: see above.
export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('demo_sign_ups').execute();
  await db.schema.dropTable('demo_sessions').execute();
  await db.schema.dropTable('demo_users').execute();
}
