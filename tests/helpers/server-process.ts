import { spawn } from 'node:child_process';

/**
 * Starts the server in its own process, from `server/main.ts` unless `entry` names another (the
 * bundle); `url` resolves once it says where it listens.
 */
export function startServer(
  env: Record<string, string>,
  entry: string[] = ['--import', 'tsx', 'server/main.ts'],
) {
  const child = spawn(process.execPath, entry, {
    env: { PATH: process.env.PATH, PORT: '0', LOG_LEVEL: 'warn', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  const url = new Promise<string>((resolve, reject) => {
    const onData = (chunk: Buffer) => {
      output += chunk;
      const match = /listening on (http:\/\/\S+)/.exec(output);
      if (match?.[1]) resolve(match[1]);
    };
    child.stdout.on('data', onData);
    child.stderr.on('data', onData);
    child.once('exit', (code) => reject(new Error(`exited ${code}: ${output}`)));
  });
  const exited = new Promise<number | null>((resolve) => child.once('exit', resolve));
  return { child, url, exited, output: () => output };
}
