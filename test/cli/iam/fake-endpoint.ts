import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

import {
  deriveSigningKey,
  parseSigV4,
  verifySigV4,
  type SignedRequest,
} from '../../../src/core/sigv4/index.js';

export interface Received {
  form: Map<string, string>;
  headers: IncomingMessage['headers'];
  /** The credential scope's region and service, once the signature checked out. */
  region: string;
  service: string;
}

export interface FakeEndpoint {
  url: string;
  received: Received[];
  close(): Promise<void>;
}

type Answer = (form: Map<string, string>) => { status: number; body: string };

/**
 * A loopback stand-in for Tessera that checks each request's SigV4 signature with the server's
 * own verifier (src/core/sigv4), records the form, and answers with canned XML.
 */
export async function fakeEndpoint(secret: string, answer: Answer): Promise<FakeEndpoint> {
  const received: Received[] = [];
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      const body = Buffer.concat(chunks);
      const signed: SignedRequest = {
        method: req.method ?? '',
        path: req.url?.split('?')[0] ?? '/',
        query: req.url?.split('?')[1] ?? '',
        headers: req.headers,
        body,
      };
      const claim = parseSigV4(signed);
      const { date, region, service } = claim.credential;
      try {
        verifySigV4(signed, claim, deriveSigningKey(secret, date, region, service), new Date());
      } catch {
        res
          .writeHead(403)
          .end(
            '<ErrorResponse><Error><Code>SignatureDoesNotMatch</Code>' +
              '<Message>bad signature</Message></Error></ErrorResponse>',
          );
        return;
      }

      const form = new Map(new URLSearchParams(body.toString('utf8')));
      received.push({ form, headers: req.headers, region, service });
      const reply = answer(form);
      res.writeHead(reply.status, { 'content-type': 'text/xml' }).end(reply.body);
    });
  });

  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  const { port } = server.address() as AddressInfo;
  return { url: `http://127.0.0.1:${port}`, received, close: () => closeServer(server) };
}

function closeServer(server: Server): Promise<void> {
  return new Promise((done) => server.close(() => done()));
}

export function okXml(action: string, result: string, service = 'iam'): string {
  const ns =
    service === 'iam'
      ? 'https://iam.amazonaws.com/doc/2010-05-08/'
      : 'https://sts.amazonaws.com/doc/2011-06-15/';
  return (
    `<${action}Response xmlns="${ns}">` +
    (result ? `<${action}Result>${result}</${action}Result>` : '') +
    `<ResponseMetadata><RequestId>r-1</RequestId></ResponseMetadata></${action}Response>`
  );
}

export function errorXml(code: string, message: string): string {
  return (
    '<ErrorResponse xmlns="https://iam.amazonaws.com/doc/2010-05-08/"><Error><Type>Sender</Type>' +
    `<Code>${code}</Code><Message>${message}</Message></Error>` +
    '<RequestId>r</RequestId></ErrorResponse>'
  );
}
