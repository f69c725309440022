// The floors, in their own process on the same pool settings as the server: one query, and one
// write transaction (BEGIN; UPDATE; INSERT; COMMIT) on the server's own tables, of the same size.
import Fastify from 'fastify';
import { Kysely, sql } from 'kysely';
import { postgresDialect } from '../server/db/connect.ts';
import type { Database } from '../server/db/types.ts';

const db = new Kysely<Database>({ dialect: postgresDialect(process.env.DATABASE_URL as string) });
const users = await db.selectFrom('users').select(['id', 'tenant_id']).limit(10_000).execute();
const app = Fastify({ logger: false });

app.get('/select-one', async () => {
  await sql`select 1`.execute(db);
  return { ok: true };
});

app.post('/write-transaction', async () => {
  const user = users[Math.floor(Math.random() * users.length)] as (typeof users)[number];
  await db.transaction().execute(async (trx) => {
    await trx
      .updateTable('users')
      .set({ failed_attempts: 0, locked_until: null })
      .where('id', '=', user.id)
      .where('tenant_id', '=', user.tenant_id)
      .execute();
    await trx
      .insertInto('audit_events')
      .values({ tenant_id: user.tenant_id, user_id: user.id, type: 'bench.floor', details: '{}' })
      .execute();
  });
  return { ok: true };
});

const url = await app.listen({ port: 0, host: '127.0.0.1' });
console.log(`listening on ${url}`);
process.once('SIGTERM', async () => {
  await app.close();
  await db.destroy();
  process.exit(0);
});
