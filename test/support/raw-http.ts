import { Agent, request } from 'node:http';

export interface RawAnswer {
  status: number;
  text: string;
}

/**
 * Sends exactly these bytes (no client-side checks beyond Node's own), to a loopback server. A
 * server may answer an oversized body before reading it and then close the connection while the
 * client still writes: the answer, once it has come, is what counts.
 */
export function sendRaw(
  agent: Agent,
  port: number,
  input: { method: string; path: string; headers: Record<string, string>; body: Buffer },
  timeoutMs = 15_000,
): Promise<RawAnswer> {
  return new Promise((done, fail) => {
    let answered = false;
    const req = request(
      {
        agent,
        host: '127.0.0.1',
        port,
        method: input.method,
        path: input.path,
        headers: input.headers,
      },
      (res) => {
        answered = true;
        const chunks: Buffer[] = [];
        res.on('data', (chunk: Buffer) => chunks.push(chunk));
        res.on('end', () =>
          done({ status: res.statusCode ?? 0, text: Buffer.concat(chunks).toString() }),
        );
        res.on('error', fail);
      },
    );
    req.setTimeout(timeoutMs, () => req.destroy(new Error(`no answer within ${timeoutMs} ms`)));
    req.on('error', (error) => {
      if (!answered) fail(error);
    });
    req.end(input.body);
  });
}
