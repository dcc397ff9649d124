import http from 'node:http';
import https from 'node:https';
import type { LookupFunction } from 'node:net';
import { RequestFilteringHttpAgent, RequestFilteringHttpsAgent } from 'request-filtering-agent';
import { Webhook } from 'standardwebhooks';

/** What one attempt came to. */
export interface SendResult {
  ok: boolean;
  status: number | null;
  durationMs: number;
  excerpt: string | null;
  error: string | null;
}

export interface SendOptions {
  /** The host was allowed by an admin although private: its address is not refused. */
  allowPrivate: boolean;
  timeoutMs?: number;
  /** How much of the answer is kept. */
  maxBytes?: number;
  /** Resolves host names (tests); the agent checks what it answers all the same. */
  lookup?: LookupFunction;
}

export const SEND_TIMEOUT_MS = 10_000;
export const RESPONSE_EXCERPT_BYTES = 2048;

// The agents check the address a name resolves to at connect time, for the connection they
// open: a name cannot resolve to a public address when checked and a private one when used.
const agents = {
  public: {
    http: new RequestFilteringHttpAgent({ allowPrivateIPAddress: false }),
    https: new RequestFilteringHttpsAgent({ allowPrivateIPAddress: false }),
  },
  private: {
    http: new RequestFilteringHttpAgent({ allowPrivateIPAddress: true }),
    https: new RequestFilteringHttpsAgent({ allowPrivateIPAddress: true }),
  },
};

/**
 * The Standard Webhooks headers for a message: `webhook-signature` carries one `v1,<base64>`
 * per secret, space-separated, so receivers still on the previous secret verify during a rotation.
 */
export function signedHeaders(msgId: string, at: Date, body: string, secrets: readonly string[]): Record<string, string> {
  return {
    'webhook-id': msgId,
    'webhook-timestamp': String(Math.floor(at.getTime() / 1000)),
    'webhook-signature': secrets.map((s) => new Webhook(s).sign(msgId, at, body)).join(' '),
  };
}

/**
 * POSTs a body once: no redirect is followed (a 3xx is a failure), the answer is read up to a
 * few KB, and the whole attempt is given up after the timeout. Never throws.
 */
export function postWebhook(url: string, headers: Record<string, string>, body: string, opts: SendOptions): Promise<SendResult> {
  const started = performance.now();
  const maxBytes = opts.maxBytes ?? RESPONSE_EXCERPT_BYTES;
  const elapsed = () => Math.round(performance.now() - started);
  return new Promise((resolve) => {
    let settled = false;
    const finish = (r: Omit<SendResult, 'durationMs'>) => {
      if (settled) return;
      settled = true;
      resolve({ ...r, durationMs: elapsed() });
    };
    let target: URL;
    try {
      target = new URL(url);
    } catch {
      return finish({ ok: false, status: null, excerpt: null, error: 'invalid URL' });
    }
    const secure = target.protocol === 'https:';
    if (!secure && target.protocol !== 'http:') return finish({ ok: false, status: null, excerpt: null, error: 'only http and https' });
    const pool = opts.allowPrivate ? agents.private : agents.public;
    const request = (secure ? https : http).request(target, {
      method: 'POST',
      agent: secure ? pool.https : pool.http,
      headers: {
        'content-type': 'application/json',
        'content-length': String(Buffer.byteLength(body)),
        'user-agent': 'Liaison-Webhooks/1',
        ...headers,
      },
      timeout: opts.timeoutMs ?? SEND_TIMEOUT_MS,
      ...(opts.lookup ? { lookup: opts.lookup } : {}),
    });
    const timer = setTimeout(() => request.destroy(new Error('timed out')), opts.timeoutMs ?? SEND_TIMEOUT_MS);
    request.on('timeout', () => request.destroy(new Error('timed out')));
    request.on('error', (err) => {
      clearTimeout(timer);
      finish({ ok: false, status: null, excerpt: null, error: err.message.slice(0, 500) });
    });
    request.on('response', (res) => {
      const chunks: Buffer[] = [];
      let size = 0;
      const done = () => {
        clearTimeout(timer);
        const status = res.statusCode ?? 0;
        const excerpt = Buffer.concat(chunks).subarray(0, maxBytes).toString('utf8');
        const ok = status >= 200 && status < 300;
        finish({ ok, status, excerpt, error: status >= 300 && status < 400 ? 'redirect not followed' : null });
        res.destroy();
      };
      res.on('data', (chunk: Buffer) => {
        if (size >= maxBytes) return;
        chunks.push(chunk);
        size += chunk.length;
        if (size >= maxBytes) done();
      });
      res.on('end', done);
      res.on('error', done);
    });
    request.end(body);
  });
}
