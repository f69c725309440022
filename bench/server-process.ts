import { startProcess } from './child-process.ts';

/** The two-factor server in its own process: compiled (dist/) or from the sources with tsx. */
export function startServer(env: Record<string, string>, options: { compiled?: boolean } = {}) {
  const entry = options.compiled ? ['dist/server/main.js'] : ['--import', 'tsx', 'server/main.ts'];
  // BENCH_PROFILE=<dir>: the server writes a V8 CPU profile there when it stops.
  const profile = process.env.BENCH_PROFILE;
  if (profile) entry.unshift('--cpu-prof', `--cpu-prof-dir=${profile}`);
  const server = startProcess(entry, {
    PORT: '0',
    LOG_LEVEL: 'warn',
    NODE_ENV: 'development',
    DEV_OUTBOX: 'true',
    ...env,
  });
  return server;
}
