import { spawn } from 'node:child_process';
import { readFile } from 'node:fs/promises';

/**
 * A server in its own process, so the load tool never shares its CPU time; ready once it prints
 * `listening on http://…`.
 */
export function startProcess(args: string[], env: Record<string, string>) {
  const spawned = performance.now();
  const child = spawn(process.execPath, args, {
    env: { PATH: process.env.PATH, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  /** The URL, and the milliseconds from spawn to listening (Node's own start included). */
  const ready = new Promise<{ url: string; readyMs: number }>((resolve, reject) => {
    const onData = (chunk: Buffer) => {
      output += chunk;
      const url = /listening on (http:\/\/\S+)/.exec(output)?.[1];
      if (url) resolve({ url, readyMs: Math.round(performance.now() - spawned) });
    };
    child.stdout.on('data', onData);
    child.stderr.on('data', onData);
    child.once('exit', (code) => reject(new Error(`${args.join(' ')} exited ${code}:\n${output}`)));
  });
  return {
    ready,
    child,
    output: () => output,
    /** Resident memory of the process, from /proc. */
    async rssMb() {
      const status = await readFile(`/proc/${child.pid}/status`, 'utf8');
      return Math.round(Number(/VmRSS:\s+(\d+)/.exec(status)?.[1]) / 1024);
    },
    async stop() {
      if (child.exitCode !== null) return;
      const exited = new Promise((resolve) => child.once('exit', resolve));
      child.kill('SIGTERM');
      await exited;
    },
  };
}
