import { createServer } from 'node:net';

/**
 * Fails at once when `port` is taken, naming the variable that moves it: `npm start` would
 * otherwise find out only after building the elements.
 */
export async function assertPortFree(port: number, host: string, variable: string) {
  if (port === 0) return;
  const probe = createServer();
  await new Promise<void>((resolve, reject) => {
    probe.once('error', (error: NodeJS.ErrnoException) => {
      reject(
        error.code === 'EADDRINUSE'
          ? new Error(
              `Port ${port} is already in use. Stop what listens there, or set ${variable} to ` +
                `another port, e.g. ${variable}=${port + 1} npm start`,
            )
          : error,
      );
    });
    probe.listen(port, host, () => probe.close(() => resolve()));
  });
}
