import type pg from 'pg';
import { currentLease } from './connection-lease.ts';
import { Pipeline } from './pipeline.ts';
import { CONNECTION_LOST, spoilsPreparedStatements } from './unavailable.ts';

type Log = (error: Error) => void;

/**
 * A `pg` pool as Kysely takes it, made safe for a database that drops or freezes:
 * - a connection that errors while checked out (a restart, a failover, a killed backend) has a
 *   listener, so the error fails its query instead of ending the process;
 * - a connection whose query timed out on our side (the server stopped answering) is destroyed
 *   on release rather than handed to the next request with a reply still owed on it; so is one
 *   whose prepared statements went wrong (a migration made one stale, a pooler lost one).
 * A request's lease (connection-lease.ts), when it has one, serves its first checkouts; every
 * statement with values goes as a named prepared statement (prepared-statements.ts), and
 * statements that can go out together do (pipeline.ts).
 */
export function guardedPool(pool: pg.Pool, onError: Log) {
  // Idle connections: the pool's own error event (unheard, it would end the process).
  pool.on('error', onError);
  // Checked-out connections: the pool listens only while they are idle.
  pool.on('connect', (client) => client.on('error', onError));
  const connect = () => pool.connect();
  return {
    async connect() {
      const leased = await currentLease()?.take(connect);
      const client = leased?.client ?? (await connect());
      const giveBack = leased
        ? leased.done
        : (broken: boolean) => client.release(broken || undefined);
      const pipeline = new Pipeline(client);
      let broken = false;
      return {
        query: (async (text: string | pg.QueryConfig, values: unknown[] = []) => {
          try {
            return await (typeof text === 'string'
              ? pipeline.query(text, values)
              : pipeline.query(text.text, text.values ?? []));
          } catch (error) {
            if (
              CONNECTION_LOST.test((error as Error).message ?? '') ||
              spoilsPreparedStatements(error)
            ) {
              broken = true;
            }
            throw error;
          }
        }) as pg.PoolClient['query'],
        // Statements still held back were never sent: the connection's state is unknown.
        release: () => giveBack(broken || pipeline.holding),
      };
    },
    end: () => pool.end(),
  };
}
