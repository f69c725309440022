// The two-factor server and the demo clinic in one process, on one database handle (PGlite is
// single-process), with a development tenant for the demo: what `npm start` runs and what the
// browser journeys start once for their whole run.
import { createServer } from 'node:net';
import { buildDemoApp } from '../demo/app.ts';
import { ensureDevTenant } from '../demo/dev-tenant.ts';
import { migrateDemo } from '../demo/migrate.ts';
import { type AppOptions, buildApp } from '../server/app.ts';
import { loadConfig } from '../server/config.ts';
import { openDatabase } from '../server/db/connect.ts';
import { migrateToLatest } from '../server/db/migrate.ts';

export interface StackOptions {
  /** Read like the server's environment (PORT, HOST, PUBLIC_URL, DATA_DIR, LOG_LEVEL, …). */
  env?: NodeJS.ProcessEnv;
  /** Overrides `DATA_DIR`. */
  dataDir?: string;
  /** Overrides `PORT`; 0 picks a free port. */
  serverPort?: number;
  /** The demo's port; 0 picks a free port. */
  demoPort: number;
  /** The built elements; `dist/widget/` when not given. */
  widgetDir?: string;
  httpLimits?: AppOptions['httpLimits'];
  /** Where the server logs; stdout, as JSON, when not given. */
  logStream?: AppOptions['logStream'];
}

/** A port free right now on `host`: the server's public URL must name its real port up front. */
async function freePort(host: string): Promise<number> {
  const probe = createServer();
  await new Promise<void>((resolve, reject) => {
    probe.once('error', reject);
    probe.listen(0, host, resolve);
  });
  const address = probe.address();
  await new Promise((resolve) => probe.close(resolve));
  if (typeof address !== 'object' || !address) throw new Error(`No free port on ${host}`);
  return address.port;
}

/** How this process reaches the server it listens with: a wildcard address means loopback. */
function loopbackUrl(host: string, port: number): string {
  const address = ['0.0.0.0', '::', 'localhost'].includes(host) ? '127.0.0.1' : host;
  return `http://${address.includes(':') ? `[${address}]` : address}:${port}`;
}

function listeningPort(server: { address(): unknown }): number {
  const address = server.address();
  if (typeof address !== 'object' || !address) throw new Error('Not listening');
  return (address as { port: number }).port;
}

/** Starts both apps; `close()` stops them and the database, in reverse order. */
export async function startStack(options: StackOptions) {
  const env = { ...(options.env ?? process.env) };
  // The demo reads its codes from the dev outbox, which the server opens only when asked.
  env.NODE_ENV ||= 'development';
  if (env.NODE_ENV !== 'production') env.DEV_OUTBOX ||= 'true';
  if (options.dataDir !== undefined) env.DATA_DIR = options.dataDir;
  if (options.serverPort !== undefined) env.PORT = String(options.serverPort);
  const host = loadConfig(env).HOST;
  if (env.PORT === '0') env.PORT = String(await freePort(host));
  const config = loadConfig(env);

  const database = await openDatabase(config);
  const apps: { close(): Promise<unknown> }[] = [];
  const close = async () => {
    for (const app of apps.reverse()) await app.close();
    await database.close();
  };
  try {
    await migrateToLatest(database.db);
    const server = await buildApp({
      config,
      database,
      widgetDir: options.widgetDir,
      httpLimits: options.httpLimits,
      logStream: options.logStream,
    });
    apps.push(server);
    await server.listen({ port: config.PORT, host: config.HOST });
    const serverPort = listeningPort(server.server);

    // The tenant's allowed origin must be the demo's real URL, so its port is known first.
    const demoPort = options.demoPort || (await freePort('127.0.0.1'));
    const demoUrl = `http://localhost:${demoPort}`;
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
    await demo.listen({ port: demoPort, host: '127.0.0.1' });

    return { config, database, server, demo, tenant, serverUrl: config.publicUrl, demoUrl, close };
  } catch (error) {
    await close().catch(() => {});
    throw error;
  }
}
