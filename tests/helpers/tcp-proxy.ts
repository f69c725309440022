import { connect, createServer, type Server, type Socket } from 'node:net';

/**
 * A TCP proxy of the test's own between the server and PostgreSQL or Redis, to inject faults
 * without touching the shared services: `cut` drops every connection (a restart, a killed
 * backend), `freeze` stops forwarding while keeping connections open (a hung database), `refuse`
 * drops new connections at once (unreachable), and `resume` undoes freeze and refuse.
 */
export class TcpProxy {
  readonly #server: Server;
  readonly #pairs = new Set<[Socket, Socket]>();
  #frozen = false;
  #refusing = false;

  private constructor(target: { host: string; port: number }) {
    this.#server = createServer((client) => {
      client.on('error', () => {});
      if (this.#refusing) {
        client.destroy();
        return;
      }
      const upstream = connect(target);
      upstream.on('error', () => {});
      const pair: [Socket, Socket] = [client, upstream];
      this.#pairs.add(pair);
      client.on('data', (data) => upstream.write(data));
      upstream.on('data', (data) => client.write(data));
      const end = () => {
        this.#pairs.delete(pair);
        client.destroy();
        upstream.destroy();
      };
      client.on('close', end);
      upstream.on('close', end);
      if (this.#frozen) for (const socket of pair) socket.pause();
    });
  }

  static async start(target: { host: string; port: number }) {
    const proxy = new TcpProxy(target);
    await new Promise<void>((resolve) => proxy.#server.listen(0, '127.0.0.1', resolve));
    return proxy;
  }

  get port() {
    const address = this.#server.address();
    if (!address || typeof address === 'string') throw new Error('not listening');
    return address.port;
  }

  /** Connections that reach the target through the proxy now. */
  get connections() {
    return this.#pairs.size;
  }

  cut() {
    for (const pair of [...this.#pairs]) for (const socket of pair) socket.destroy();
  }

  freeze() {
    this.#frozen = true;
    for (const pair of this.#pairs) for (const socket of pair) socket.pause();
  }

  refuse() {
    this.#refusing = true;
  }

  resume() {
    this.#frozen = false;
    this.#refusing = false;
    for (const pair of this.#pairs) for (const socket of pair) socket.resume();
  }

  async close() {
    this.cut();
    await new Promise<void>((resolve) => this.#server.close(() => resolve()));
  }
}
