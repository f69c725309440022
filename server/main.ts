import { performance } from 'node:perf_hooks';
import { buildApp } from './app.ts';
import { ConfigError, loadServerConfig } from './config.ts';
import { openDatabase } from './db/connect.ts';
import { migrateToLatest } from './db/migrate.ts';
import { exitGracefully } from './shutdown.ts';

/** Starts the server: config, database and migrations, listen; shuts down within a deadline. */
async function main() {
  const started = performance.now();
  let config: ReturnType<typeof loadServerConfig>;
  try {
    config = loadServerConfig();
  } catch (error) {
    if (!(error instanceof ConfigError)) throw error;
    console.error(error.message);
    process.exit(1);
  }
  // A connection that fails outside a request is logged here; one inside fails its request (503).
  let app: Awaited<ReturnType<typeof buildApp>> | undefined;
  const database = await openDatabase(config, (error) =>
    app?.log.warn({ err: error }, 'database connection lost'),
  );
  await migrateToLatest(database.db);
  app = await buildApp({ config, database });
  exitGracefully(app, { deadlineMs: config.SHUTDOWN_TIMEOUT_MS, closeDatabase: database.close });

  await app.listen({ port: config.PORT, host: config.HOST });
  const address = app.server.address();
  const port = typeof address === 'object' && address ? address.port : config.PORT;
  app.log.info(
    {
      database: database.kind,
      startupMs: Math.round(performance.now() - started),
      rssMb: Math.round(process.memoryUsage().rss / 2 ** 20),
    },
    'ready',
  );
  console.log(
    `two-factor server listening on http://${config.HOST}:${port} ` +
      `(database: ${database.kind}; API docs: ${config.publicUrl}/docs)`,
  );
}

main().catch((error) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
