// A TCP proxy in its own process that holds every chunk for BENCH_DB_LATENCY_MS each way: the
// network between an application and a PostgreSQL server on another machine, for all the bench's
// servers alike (the floors and the peer too).
import { connect, createServer } from 'node:net';

const target = new URL(process.env.TARGET_URL as string);
const delayMs = Number(process.env.LATENCY_MS);

// Timers of the same delay fire in the order they were set, so each direction keeps its order.
const later = (send: () => void) => setTimeout(send, delayMs);

const server = createServer((client) => {
  const upstream = connect({ host: target.hostname, port: Number(target.port || 5432) });
  client.on('data', (data) => later(() => upstream.write(data)));
  upstream.on('data', (data) => later(() => client.write(data)));
  const end = () => {
    client.destroy();
    upstream.destroy();
  };
  for (const socket of [client, upstream]) {
    socket.setNoDelay(true);
    socket.on('error', end);
    socket.on('close', end);
  }
});

server.listen(0, '127.0.0.1', () => {
  const address = server.address();
  if (!address || typeof address === 'string') throw new Error('not listening');
  // The same announcement as the bench's other processes (child-process.ts).
  console.log(`listening on http://127.0.0.1:${address.port}`);
});
process.once('SIGTERM', () => {
  server.close();
  process.exit(0);
});
