// `npm start`: the two-factor server on :4000 and the demo clinic on :3000 in one process, on one
// database handle (PGlite is single-process), with a development tenant for the demo.
import { buildDemoApp } from '../demo/app.ts';
import { ensureDevTenant } from '../demo/dev-tenant.ts';
import { migrateDemo } from '../demo/migrate.ts';
import { buildApp } from '../server/app.ts';
import { ConfigError, loadConfig } from '../server/config.ts';
import { openDatabase } from '../server/db/connect.ts';
import { migrateToLatest } from '../server/db/migrate.ts';
import { buildWidget } from './build-widget.ts';

function demoPort(value = '3000'): number {
  const port = Number(value);
  if (!/^\d+$/.test(value) || port < 1 || port > 65535) {
    throw new ConfigError([`DEMO_PORT: must be a port number, 1 to 65535 (got "${value}")`]);
  }
  return port;
}

/** How this process reaches the server it listens with: a wildcard address means loopback. */
function loopbackUrl(host: string, port: number): string {
  const address = ['0.0.0.0', '::', 'localhost'].includes(host) ? '127.0.0.1' : host;
  return `http://${address.includes(':') ? `[${address}]` : address}:${port}`;
}

async function main() {
  const config = loadConfig();
  const port = demoPort(process.env.DEMO_PORT || undefined);
  const demoUrl = `http://localhost:${port}`;

  try {
    await buildWidget();
  } catch (error) {
    console.error(`The widget did not build, so the elements will not load: ${error}`);
  }

  const database = await openDatabase(config);
  const apps: { close(): Promise<unknown> }[] = [];
  const closeAll = async () => {
    for (const app of apps.reverse()) await app.close();
    await database.close();
  };
  try {
    await migrateToLatest(database.db);
    const server = await buildApp({ config, database });
    apps.push(server);
    await server.listen({ port: config.PORT, host: config.HOST });
    const address = server.server.address();
    const serverPort = typeof address === 'object' && address ? address.port : config.PORT;

    const tenant = await ensureDevTenant(database.db, {
      dataDir: config.DATA_DIR,
      origin: demoUrl,
    });
    await migrateDemo(database.db);
    const demo = await buildDemoApp({
      db: database.db,
      twoFactorUrl: config.publicUrl,
      twoFactorApiUrl: loopbackUrl(config.HOST, serverPort),
      secretKey: tenant.secretKey,
      publicUrl: demoUrl,
      logger: { level: 'warn' },
    });
    apps.push(demo);
    await demo.listen({ port, host: '127.0.0.1' });

    const outbox = server.smsSender.kind === 'outbox' || server.emailSender.kind === 'outbox';
    console.log(
      [
        '',
        `Two-factor server  ${config.publicUrl}  (database: ${database.kind}; API docs: ${config.publicUrl}/docs)`,
        `Demo clinic        ${demoUrl}`,
        `Demo tenant        ${tenant.tenantId} (${tenant.created ? 'created' : 'reused'}; key in ${config.DATA_DIR}/demo-tenant.json)`,
        `SMS                ${server.smsSender.kind === 'plivo' ? 'Plivo: real messages' : 'outbox'}`,
        `Email              ${server.emailSender.kind === 'postmark' ? 'Postmark: real messages' : 'outbox'}`,
        ...(outbox
          ? [
              `Outbox             ${config.publicUrl}/dev/outbox`,
              `Dev inbox          ${demoUrl}/dev-inbox`,
            ]
          : []),
        '',
      ].join('\n'),
    );
  } catch (error) {
    await closeAll().catch(() => {});
    throw error;
  }

  let closing = false;
  const shutdown = async () => {
    if (closing) return;
    closing = true;
    await closeAll();
    process.exit(0);
  };
  process.once('SIGINT', () => void shutdown());
  process.once('SIGTERM', () => void shutdown());
}

main().catch((error) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
