import type { FastifyInstance } from 'fastify';

/**
 * Graceful shutdown on SIGTERM or SIGINT, with a deadline: stop accepting, close idle kept-alive
 * connections at once (Fastify's `forceCloseConnections: 'idle'`), let requests in flight finish,
 * answer late ones `503` (plugins/closing.ts), then close the database and exit 0. Past the
 * deadline the remaining connections are cut and the process exits anyway; a second signal exits
 * at once.
 */
export function exitGracefully(
  app: FastifyInstance,
  options: { deadlineMs: number; closeDatabase: () => Promise<void> },
  exit: (code: number) => void = (code) => process.exit(code),
) {
  let closing = false;
  const onSignal = (signal: NodeJS.Signals) => {
    if (closing) {
      app.log.warn({ signal }, 'second signal: exiting now');
      exit(0);
      return;
    }
    closing = true;
    app.log.info({ signal, deadlineMs: options.deadlineMs }, 'shutting down');
    const deadline = setTimeout(() => {
      app.log.warn('shutdown deadline passed: cutting the connections still open');
      app.server.closeAllConnections();
      exit(0);
    }, options.deadlineMs);
    app
      .close()
      .then(options.closeDatabase)
      .catch((error) => app.log.warn({ err: error }, 'shutdown was not clean'))
      .finally(() => {
        clearTimeout(deadline);
        exit(0);
      });
  };
  process.on('SIGTERM', onSignal);
  process.on('SIGINT', onSignal);
}
