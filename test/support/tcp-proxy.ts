import { connect, createServer, type Server, type Socket } from 'node:net';

/**
 * A loopback TCP proxy in front of the test PostgreSQL server, to play a database outage
 * without touching the server other tests share: stop() cuts every connection and refuses new
 * ones (as a restart does), start() accepts again, and cutOn(text) drops the connection that
 * sends a statement containing `text` before the server sees it.
 */
export interface TcpProxy {
  port: number;
  /** `url` with its host and port replaced by the proxy's. */
  via(url: string): string;
  stop(): Promise<void>;
  start(): Promise<void>;
  cutOn(text: string | undefined): void;
  close(): Promise<void>;
}

export async function startProxy(targetPort = 5432): Promise<TcpProxy> {
  const sockets = new Set<Socket>();
  let marker: Buffer | undefined;
  let server = await listen(0, handle);
  const port = (server.address() as { port: number }).port;

  function handle(client: Socket): void {
    const upstream = connect(targetPort, '127.0.0.1');
    const pair = [client, upstream];
    for (const socket of pair) {
      sockets.add(socket);
      socket.on('close', () => sockets.delete(socket));
      socket.on('error', () => pair.forEach((s) => s.destroy()));
    }

    let tail = Buffer.alloc(0);
    client.on('data', (chunk: Buffer) => {
      const seen = Buffer.concat([tail, chunk]);
      if (marker && seen.includes(marker)) return pair.forEach((s) => s.destroy());
      tail = seen.subarray(Math.max(0, seen.length - 256));
      upstream.write(chunk);
    });
    upstream.on('data', (chunk: Buffer) => client.write(chunk));
    client.on('end', () => upstream.end());
    upstream.on('end', () => client.end());
  }

  const cutAll = (): void => sockets.forEach((socket) => socket.destroy());
  return {
    port,
    via: (url) => {
      const parsed = new URL(url);
      parsed.host = `127.0.0.1:${port}`;
      return parsed.toString();
    },
    stop: async () => {
      const closed = new Promise((done) => server.close(done));
      cutAll();
      await closed;
    },
    start: async () => {
      server = await listen(port, handle);
    },
    cutOn: (text) => {
      marker = text === undefined ? undefined : Buffer.from(text);
    },
    close: async () => {
      cutAll();
      if (server.listening) await new Promise((done) => server.close(done));
    },
  };
}

function listen(port: number, handle: (socket: Socket) => void): Promise<Server> {
  return new Promise((done, fail) => {
    const server = createServer(handle);
    server.once('error', fail);
    server.listen(port, '127.0.0.1', () => done(server));
  });
}
