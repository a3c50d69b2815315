import { connect } from 'node:net';

/** What a client on a plain TCP connection saw. */
export interface RawExchange {
  /** Everything the server wrote before it closed the connection or the wait ran out. */
  received: string;
  /** The socket error the client met, if any: a reset while it was still writing, say. */
  error?: string;
  /** Whether the server closed the connection within the wait. */
  closed: boolean;
}

export interface ParsedResponse {
  status: number;
  /** Header names in lower case. */
  headers: Record<string, string>;
  body: string;
}

/**
 * Writes exactly these bytes to a loopback port, all at once, as a client that sends its whole
 * request before reading would (Python's http.client, curl without Expect), then reads until the
 * server closes the connection or `waitMs` passes.
 */
export function exchange(
  port: number,
  request: string | Buffer,
  waitMs = 5_000,
): Promise<RawExchange> {
  return new Promise((done) => {
    const socket = connect(port, '127.0.0.1');
    const chunks: Buffer[] = [];
    let error: string | undefined;
    const finish = (closed: boolean): void => {
      clearTimeout(timer);
      socket.destroy();
      done({ received: Buffer.concat(chunks).toString('latin1'), error, closed });
    };
    const timer = setTimeout(() => finish(false), waitMs);

    socket.on('connect', () => socket.write(request));
    socket.on('data', (chunk: Buffer) => chunks.push(chunk));
    socket.on('error', (e: NodeJS.ErrnoException) => (error = e.code ?? e.message));
    socket.on('close', () => finish(true));
  });
}

/** Reads one HTTP/1.1 response with a Content-Length body, as written on the wire. */
export function parseResponse(received: string): ParsedResponse {
  const split = received.indexOf('\r\n\r\n');
  const head = split < 0 ? received : received.slice(0, split);
  const [statusLine = '', ...lines] = head.split('\r\n');
  const headers: Record<string, string> = {};
  for (const line of lines) {
    const colon = line.indexOf(':');
    if (colon > 0) headers[line.slice(0, colon).toLowerCase()] = line.slice(colon + 1).trim();
  }
  const status = Number(/^HTTP\/1\.1 (\d{3}) /.exec(statusLine)?.[1] ?? 0);
  return { status, headers, body: split < 0 ? '' : received.slice(split + 4) };
}
