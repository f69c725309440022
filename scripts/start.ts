// `npm start`: the two-factor server on :4000 and the demo clinic on :3000 in one process (see
// stack.ts), with the outbox and the demo tenant printed for whoever reads the terminal.
import { ConfigError, loadConfig } from '../server/config.ts';
import { devLogStream } from './dev-log-stream.ts';
import { assertPortFree } from './port-check.ts';

function demoPort(value = '3000'): number {
  const port = Number(value);
  if (!/^\d+$/.test(value) || port < 1 || port > 65535) {
    throw new ConfigError([`DEMO_PORT: must be a port number, 1 to 65535 (got "${value}")`]);
  }
  return port;
}

async function main() {
  // Configuration errors and busy ports first, before the build's seconds.
  const { PORT, HOST } = loadConfig();
  const port = demoPort(process.env.DEMO_PORT || undefined);
  await assertPortFree(PORT, HOST, 'PORT');
  await assertPortFree(port, '127.0.0.1', 'DEMO_PORT');
  // Only now the server and the build: loading them takes seconds of their own.
  const [{ buildWidget }, { startStack }] = await Promise.all([
    import('./build-widget.ts'),
    import('./stack.ts'),
  ]);

  try {
    await buildWidget();
  } catch (error) {
    console.error(`The widget did not build, so the elements will not load: ${error}`);
  }

  const { config, database, server, tenant, demoUrl, close } = await startStack({
    demoPort: port,
    logStream: devLogStream(),
  });

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

  let closing = false;
  const shutdown = async () => {
    if (closing) return;
    closing = true;
    await close();
    process.exit(0);
  };
  process.once('SIGINT', () => void shutdown());
  process.once('SIGTERM', () => void shutdown());
}

main().catch((error) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
