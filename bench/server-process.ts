import { spawn } from 'node:child_process';
import { readFile } from 'node:fs/promises';

/** The server as `npm start` runs it, in its own process so the load tool never shares its CPU time. */
export function startServer(env: Record<string, string>) {
  const child = spawn(process.execPath, ['--import', 'tsx', 'server/main.ts'], {
    env: {
      PATH: process.env.PATH,
      PORT: '0',
      LOG_LEVEL: 'info',
      NODE_ENV: 'development',
      DEV_OUTBOX: 'true',
      ...env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  const ready = new Promise<{ url: string; startupMs: number }>((resolve, reject) => {
    const onData = (chunk: Buffer) => {
      output += chunk;
      const url = /listening on (http:\/\/\S+)/.exec(output)?.[1];
      // The "ready" line (with startupMs) is logged at info; at a quieter level only the URL shows.
      const startupMs = /"startupMs":(\d+)/.exec(output)?.[1];
      const quiet = !['info', 'debug', 'trace'].includes(env.LOG_LEVEL ?? 'info');
      if (url && (startupMs || quiet)) resolve({ url, startupMs: Number(startupMs ?? Number.NaN) });
    };
    child.stdout.on('data', onData);
    child.stderr.on('data', onData);
    child.once('exit', (code) => reject(new Error(`server exited ${code}:\n${output}`)));
  });
  return {
    ready,
    /** Resident memory of the server process, from /proc. */
    async rssMb() {
      const status = await readFile(`/proc/${child.pid}/status`, 'utf8');
      return Math.round(Number(/VmRSS:\s+(\d+)/.exec(status)?.[1]) / 1024);
    },
    async stop() {
      const exited = new Promise((resolve) => child.once('exit', resolve));
      child.kill('SIGTERM');
      await exited;
    },
  };
}
