/** A database that dropped or froze is usually back within seconds (a restart, a failover). */
export const DATABASE_RETRY_AFTER_SECONDS = 2;

/**
 * SQLSTATE classes and codes that say the database is unreachable, shutting down, overloaded or
 * too slow right now: the request may succeed when retried, so it answers `503 unavailable`.
 */
const UNAVAILABLE_STATES = new Set([
  '57P01', // admin_shutdown: a restart or failover
  '57P02', // crash_shutdown
  '57P03', // cannot_connect_now: starting up
  '57014', // query_canceled: the statement timeout
  '25P03', // idle_in_transaction_session_timeout
  '53300', // too_many_connections
  '40P01', // deadlock_detected (the lock order prevents it; if it happens, a retry succeeds)
  '40001', // serialization_failure
]);

/** What a driver or network failure says: the connection itself is gone. */
export const CONNECTION_LOST =
  /Connection terminated|Query read timeout|timeout exceeded when trying to connect|connection timeout|ECONNREFUSED|ECONNRESET|ETIMEDOUT|EPIPE|EHOSTUNREACH|ENOTFOUND|Client has encountered a connection error|Client was closed/i;

/**
 * A prepared statement whose tables another instance's migration changed (a column added to a
 * `select *`): PostgreSQL refuses to run its old plan. Told by the routine that raises it, not its
 * words, which follow the server's language. The connection that prepared it is dropped
 * (guarded-pool.ts), so the retry runs on one that prepares it afresh.
 */
export function isStalePlan(error: unknown): boolean {
  const { code, routine } = (error ?? {}) as { code?: unknown; routine?: unknown };
  return code === '0A000' && routine === 'RevalidateCachedQuery';
}

/**
 * Errors after which a connection's prepared statements cannot be trusted: a stale plan, a
 * statement the server no longer has or already has under that name (a pooler in between that
 * does not keep them), or one whose parameter types a migration changed.
 */
const PREPARED_STATEMENT_STATES = new Set(['26000', '42P05', '42804', '42883']);

export function spoilsPreparedStatements(error: unknown): boolean {
  const code = (error as { code?: unknown } | null)?.code;
  return isStalePlan(error) || (typeof code === 'string' && PREPARED_STATEMENT_STATES.has(code));
}

export function isDatabaseUnavailable(error: unknown): boolean {
  if (!(error instanceof Error)) return false;
  if (isStalePlan(error)) return true;
  const code = (error as { code?: unknown }).code;
  if (typeof code === 'string' && (UNAVAILABLE_STATES.has(code) || code.startsWith('08'))) {
    return true;
  }
  return CONNECTION_LOST.test(error.message);
}
