// The pool keeps its PostgreSQL connections, idle or not, and keeps them known to the network:
// a burst after a quiet spell finds them ready, and one that died silently does not wait for a
// request to find out.
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { test } from 'node:test';
import { setTimeout as sleep } from 'node:timers/promises';
import { sql } from 'kysely';
import { KEEPALIVE_IDLE_MS } from '../../server/db/connect.ts';
import { oneConnection } from '../helpers/test-database.ts';

const { DATABASE_URL } = process.env;
const needsPostgres = DATABASE_URL
  ? {}
  : { skip: "needs PostgreSQL (DATABASE_URL): the connections are the pg pool's" };
const needsLinux =
  process.platform === 'linux' ? {} : { skip: "reads the kernel's TCP timers in /proc/net/tcp" };

test(
  'a connection outlives a quiet spell, with the statements it prepared',
  needsPostgres,
  async (t) => {
    const db = oneConnection(t, DATABASE_URL as string);
    const backend = async () =>
      (await sql<{ pid: number }>`select pg_backend_pid() as pid, ${1}::int as n`.execute(db))
        .rows[0]?.pid;
    const before = await backend();
    // Longer than pg's default idle timeout (10 s), after which it would close the connection.
    await sleep(10_500);
    assert.equal(await backend(), before, 'the same connection');
    const { rows } = await sql<{ runs: number }>`
      select coalesce(sum(generic_plans + custom_plans), 0)::int as runs from pg_prepared_statements
      where statement like 'select pg_backend_pid()%'`.execute(db);
    assert.equal(rows[0]?.runs, 2, 'prepared once, run twice');
  },
);

/** The kernel's timer on our end of the connection whose local port is `port`, in seconds. */
async function tcpTimer(port: number) {
  const hexPort = port.toString(16).toUpperCase().padStart(4, '0');
  for (const file of ['/proc/net/tcp', '/proc/net/tcp6']) {
    const rows = (await readFile(file, 'utf8')).split('\n').slice(1);
    for (const row of rows) {
      const [, local, , , , timer] = row.trim().split(/\s+/);
      if (!local?.endsWith(`:${hexPort}`) || !timer) continue;
      const [kind, when] = timer.split(':') as [string, string];
      // /proc/net/tcp gives the time left in clock ticks (USER_HZ, 100 a second on Linux).
      return { kind: Number(kind), seconds: Number.parseInt(when, 16) / 100 };
    }
  }
  return undefined;
}

test('an idle connection sends keep-alive probes after 10 s, not the system default of 2 hours', {
  ...needsPostgres,
  ...needsLinux,
}, async (t) => {
  const db = oneConnection(t, DATABASE_URL as string);
  const { rows } = await sql<{ port: number }>`select inet_client_port() as port`.execute(db);
  const port = rows[0]?.port;
  assert.ok(port, 'a TCP connection (DATABASE_URL names a host, not a socket)');
  await sleep(200);
  const timer = await tcpTimer(port);
  assert.ok(timer, `our end of the connection (port ${port}) is in /proc/net/tcp`);
  assert.equal(timer.kind, 2, 'the keep-alive timer is running');
  assert.ok(
    timer.seconds <= KEEPALIVE_IDLE_MS / 1000,
    `the first probe within ${KEEPALIVE_IDLE_MS / 1000} s, not ${timer.seconds} s`,
  );
});
