import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { startProcess } from './child-process.ts';

/** The server as `npm run build` compiles it (dist/server), so start-up measures no TypeScript. */
export async function compileServer() {
  const tsc = 'node_modules/typescript/bin/tsc';
  try {
    await promisify(execFile)(process.execPath, [tsc, '-p', 'tsconfig.build.json']);
  } catch (error) {
    // Type errors still emit: the figures are of the code as it stands.
    const output = (error as { stdout?: string }).stdout ?? String(error);
    console.log(
      `(tsc reported ${output.split('\n').filter((l) => l.includes('error')).length} errors; compiled anyway)`,
    );
  }
}

/** The two-factor server in its own process: compiled (dist/) or from the sources with tsx. */
export function startServer(env: Record<string, string>, options: { compiled?: boolean } = {}) {
  const entry = options.compiled ? ['dist/server/main.js'] : ['--import', 'tsx', 'server/main.ts'];
  const server = startProcess(entry, {
    PORT: '0',
    LOG_LEVEL: 'warn',
    NODE_ENV: 'development',
    DEV_OUTBOX: 'true',
    ...env,
  });
  return server;
}
