import fs from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { randomPort, serverDatabase, startServer, stopServer } from '../test/server-process.js';

interface OtlpSpan {
  traceId: string;
  spanId: string;
  parentSpanId?: string;
  name: string;
  attributes: { key: string; value: { stringValue?: string; intValue?: string | number } }[];
}

const ADMIN = { email: 'admin@traces.test', password: 'Traces-Passw0rd-1' };
const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'liaison-traces-'));
const received: { service: string; spans: OtlpSpan[] }[] = [];
// An OTLP/HTTP collector as small as it gets: it keeps what it is sent.
const collector = http.createServer((req, res) => {
  let body = '';
  req.on('data', (chunk) => (body += chunk));
  req.on('end', () => {
    if (req.url === '/v1/traces') {
      for (const rs of JSON.parse(body).resourceSpans ?? []) {
        const service = rs.resource.attributes.find((a: { key: string }) => a.key === 'service.name')?.value.stringValue;
        received.push({ service, spans: rs.scopeSpans.flatMap((s: { spans: OtlpSpan[] }) => s.spans) });
      }
    }
    res.writeHead(200, { 'content-type': 'application/json' }).end('{}');
  });
});
let database: Awaited<ReturnType<typeof serverDatabase>>;

const attr = (span: OtlpSpan, key: string) => {
  const value = span.attributes.find((a) => a.key === key)?.value;
  return value?.stringValue ?? (value?.intValue === undefined ? undefined : Number(value.intValue));
};
const spansOf = (traceId: string) => received.flatMap((r) => r.spans.filter((s) => s.traceId === traceId));

beforeAll(async () => {
  await new Promise<void>((resolve) => collector.listen(0, '127.0.0.1', resolve));
  database = await serverDatabase(dataDir);
});

afterAll(async () => {
  collector.close();
  await database.drop();
  fs.rmSync(dataDir, { recursive: true, force: true });
});

describe('traces (OTEL_EXPORTER_OTLP_ENDPOINT)', () => {
  it('exports a span per request, continuing the caller’s trace, with its route and status and each query under it', async () => {
    const port = randomPort();
    const { child } = await startServer(port, {
      ...database.env,
      ADMIN_EMAIL: ADMIN.email,
      ADMIN_PASSWORD: ADMIN.password,
      OTEL_EXPORTER_OTLP_ENDPOINT: `http://127.0.0.1:${(collector.address() as AddressInfo).port}`,
      OTEL_SERVICE_NAME: 'liaison-under-test',
      OTEL_BSP_SCHEDULE_DELAY: '50',
    });
    try {
      const traceId = '4bf92f3577b34da6a3ce929d0e0e4736';
      const res = await fetch(`http://127.0.0.1:${port}/api/v1/auth/login`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', traceparent: `00-${traceId}-00f067aa0ba902b7-01` },
        body: JSON.stringify(ADMIN),
      });
      expect(res.status).toBe(200);

      const isRequest = (s: OtlpSpan) => attr(s, 'http.route') === '/api/v1/auth/login' && !!attr(s, 'http.response.status_code');
      await expect.poll(() => spansOf(traceId).some(isRequest), { timeout: 20_000 }).toBe(true);
      const spans = spansOf(traceId);
      const request = spans.find(isRequest)!;
      expect(attr(request, 'http.response.status_code')).toBe(200);
      // The caller's span is the request's parent: the trace goes on across services.
      const root = spans.find((s) => s.spanId === request.parentSpanId) ?? request;
      expect(root.parentSpanId).toBe('00f067aa0ba902b7');

      const queries = spans.filter((s) => attr(s, 'db.query.text'));
      expect(queries.some((q) => /from "users"/i.test(String(attr(q, 'db.query.text'))))).toBe(true);
      expect(queries.every((q) => attr(q, 'db.system.name') === (database.env.DATABASE_URL ? 'postgresql' : 'sqlite'))).toBe(true);
      // Statements carry placeholders, never the values: the password is in no span.
      expect(JSON.stringify(spans)).not.toContain(ADMIN.password);
      expect(received.every((r) => r.service === 'liaison-under-test')).toBe(true);
    } finally {
      expect(await stopServer(child)).toBe(0);
    }
  });
});
