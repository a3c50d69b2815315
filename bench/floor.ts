import { readFileSync } from 'node:fs';
import { createServer } from 'node:http';

/**
 * The floor: a node:http server that reads each request and answers the bytes Tessera answered
 * for the same request, and does nothing else. Its rate is what HTTP and the load generator
 * alone allow on this machine. Usage: node floor.js PORT RESPONSE.json
 */
interface Canned {
  status: number;
  contentType: string;
  body: string;
}

const [port, file] = process.argv.slice(2);
const canned = JSON.parse(readFileSync(file!, 'utf8')) as Canned;
const body = Buffer.from(canned.body);
const requestId = 'x-amzn-RequestId';
const id = '00000000-0000-4000-8000-000000000000';

const server = createServer((request, response) => {
  request.resume();
  request.on('end', () => {
    response.writeHead(canned.status, {
      [requestId]: id,
      'content-type': canned.contentType,
      'content-length': body.length,
    });
    response.end(body);
  });
});
server.keepAliveTimeout = 5_000;
server.listen(Number(port), '127.0.0.1');
process.once('SIGTERM', () => server.close(() => process.exit(0)));
