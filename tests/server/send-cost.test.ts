// Guards the cost of a send against the size of the send window (docs/limits.md "Per-tenant send
// limits"): with 100,000 of the tenant's sends in the window, a send runs the same statements as
// with none, none of them reads the send log or scans a counter table, and each is planned by
// PostgreSQL with index access only. The plans are PostgreSQL's planner's, so this needs it.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { CompiledQuery } from 'kysely';
import { makeTenant, mintSession } from '../helpers/build-app.ts';
import { appOnOwnPostgres } from '../helpers/postgres-app.ts';

const { DATABASE_URL } = process.env;
const needsPostgres = DATABASE_URL
  ? { timeout: 600_000 }
  : { skip: "needs PostgreSQL (DATABASE_URL): the plans are PostgreSQL's planner's" };

const IN_WINDOW = 100_000;
/** The tables this test fills; the others are small here (tests/server/query-plans.test.ts fills them). */
const FILLED = ['send_log', 'send_counters', 'users'];
const ROOMY = {
  smsPerNumberPer10Minutes: 1_000_000,
  smsPerPrefixPerHour: 1_000_000,
  smsPerCountryPerHour: 1_000_000,
  codesPerUserPerHour: 1_000_000,
  codesPerIpPerHour: 1_000_000,
  dailySmsBudget: 1_000_000,
};

interface PlanNode {
  'Node Type': string;
  'Relation Name'?: string;
  Plans?: PlanNode[];
}

function nodes(node: PlanNode): PlanNode[] {
  return [node, ...(node.Plans ?? []).flatMap(nodes)];
}

/** The statement's shape without its values, to compare two sends. */
const shape = (query: CompiledQuery) => query.sql.replace(/\$\d+/g, '$').replace(/\s+/g, ' ');

test(
  'a send costs the same statements with 100,000 sends in the window',
  needsPostgres,
  async (t) => {
    const { app, client, queries } = await appOnOwnPostgres(t, {
      httpLimits: { sendsPerMinute: 10_000, perMinute: 10_000 },
    });
    // The notice worker polls on its own clock: stopped, its claims cannot land among a send's.
    await app.notices.close();
    const tenant = await makeTenant(app, ROOMY);

    /** The statements of one enrolment send, from a new user's session. */
    async function send(n: number, phone: string) {
      const token = await mintSession(app, tenant, { userId: `sender-${n}`, purpose: 'setup' });
      // Once before, so the allowed origins are cached for both sends alike.
      await app.inject({
        url: '/v1/widget/session',
        headers: { authorization: `Bearer ${token}`, origin: tenant.origin },
      });
      queries.length = 0;
      const response = await app.inject({
        method: 'POST',
        url: '/v1/widget/phone',
        remoteAddress: '192.0.2.1',
        headers: { authorization: `Bearer ${token}`, origin: tenant.origin },
        payload: { phone },
      });
      assert.equal(response.statusCode, 200, response.body);
      return [...queries];
    }

    const emptyWindow = await send(1, '+33612345678');

    // The window fills: 100,000 of this tenant's sends to France from the same address in the last
    // hour, in the send log as before and in the counters those sends would have left (one per
    // number and prefix, and the shared country, address and budget counters), then statistics.
    await client.query(
      `insert into users (tenant_id, external_id)
    select $1, 'seed-' || n from generate_series(1, ${IN_WINDOW}) n`,
      [tenant.tenantId],
    );
    await client.query(
      `insert into send_log (tenant_id, user_id, channel, phone_index, prefix_index, country, ip_key, created_at)
    select tenant_id, id, 'sms', md5('p' || id::text), md5('x' || id::text), 'FR', '192.0.2.1',
      now() - random() * interval '50 minutes'
    from users where tenant_id = $1 and external_id like 'seed-%'`,
      [tenant.tenantId],
    );
    const minute = `to_timestamp(floor(extract(epoch from now()) / 60) * 60)`;
    await client.query(
      `insert into send_counters (tenant_id, scope, key, bucket_seconds, bucket_start, counts)
    select tenant_id, scope, md5(scope || id::text), 60, ${minute},
      array_fill(0, array[case scope when 'per-number' then 10 else 60 end]) || 1
    from users, unnest(array['per-number', 'per-prefix', 'per-user']) scope
    where tenant_id = $1 and external_id like 'seed-%'`,
      [tenant.tenantId],
    );
    await client.query(
      `update send_counters set counts = array_fill(0, array[60]) || ${IN_WINDOW}
    where tenant_id = $1 and scope in ('per-country', 'per-ip')`,
      [tenant.tenantId],
    );
    await client.query(
      `update send_counters set counts = array[${IN_WINDOW}]
    where tenant_id = $1 and scope = 'daily-budget'`,
      [tenant.tenantId],
    );
    await client.query('analyze');

    const fullWindow = await send(2, '+33698765432');
    assert.deepEqual(
      fullWindow.map(shape),
      emptyWindow.map(shape),
      'the same statements, whatever the window holds',
    );
    // Its insert may ride in another statement (the count's); any other mention is a read.
    const readsSendLog = fullWindow.filter((query) =>
      /send_log/i.test(query.sql.replace(/insert into "send_log"/gi, '')),
    );
    assert.deepEqual(readsSendLog, [], 'the send log is written, never read, on a send');
    assert.ok(
      !fullWindow.some((query) => /pg_advisory/i.test(query.sql)),
      'no advisory lock: sends of a tenant do not wait for each other',
    );

    const offenders: string[] = [];
    for (const query of fullWindow.filter((q) =>
      /^\s*(select|update|delete|insert|with)\b/i.test(q.sql),
    )) {
      const { rows } = await client.query(`explain (format json) ${query.sql}`, [
        ...query.parameters,
      ]);
      for (const node of nodes(rows[0]['QUERY PLAN'][0].Plan)) {
        if (node['Node Type'] === 'Seq Scan' && FILLED.includes(node['Relation Name'] ?? '')) {
          offenders.push(`${node['Relation Name']}: ${query.sql}`);
        }
      }
    }
    assert.deepEqual(offenders, [], 'a statement of the send reads a table whole');

    const counters = await client.query(
      `select scope, (select sum(n) from unnest(counts) n)::int as total from send_counters
    where tenant_id = $1 and scope in ('per-country', 'per-ip', 'daily-budget') order by scope`,
      [tenant.tenantId],
    );
    assert.deepEqual(
      counters.rows,
      [
        { scope: 'daily-budget', total: IN_WINDOW + 1 },
        { scope: 'per-country', total: IN_WINDOW + 1 },
        { scope: 'per-ip', total: IN_WINDOW + 1 },
      ],
      'the send was counted on top of the window',
    );
    const transactions = fullWindow.filter((query) => /^\s*begin/i.test(query.sql)).length;
    t.diagnostic(
      `POST /v1/widget/phone: ${fullWindow.length} statements (${transactions} transactions), with 0 or ${IN_WINDOW} sends in the window`,
    );
  },
);
