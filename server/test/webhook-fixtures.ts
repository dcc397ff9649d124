import http from 'node:http';
import type { AddressInfo } from 'node:net';

/** What a local receiver was sent. */
export interface Received {
  headers: http.IncomingHttpHeaders;
  body: string;
}

/** A webhook receiver on 127.0.0.1 answering each request with the next planned status (then 200), or a redirect. */
export interface Receiver {
  url: string;
  received: Received[];
  /** Statuses for the next requests, in order; afterwards 200. */
  plan(...statuses: number[]): void;
  /** Answers every request with this redirect from now on. */
  redirectTo(location: string | null): void;
  close(): Promise<void>;
}

export async function startReceiver(): Promise<Receiver> {
  const received: Received[] = [];
  let planned: number[] = [];
  let redirect: string | null = null;
  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      received.push({ headers: req.headers, body: Buffer.concat(chunks).toString('utf8') });
      if (redirect) {
        res.writeHead(302, { location: redirect }).end();
        return;
      }
      const status = planned.shift() ?? 200;
      res.writeHead(status, { 'content-type': 'text/plain' }).end(status < 300 ? 'thanks' : `failed with ${status}`);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/hooks`,
    received,
    plan: (...statuses) => (planned = statuses),
    redirectTo: (location) => (redirect = location),
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}
