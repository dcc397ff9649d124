import type { FastifyInstance } from 'fastify';
import helmet from 'helmet';
import { AppError, badRequest, forbidden } from '../lib/errors.js';
import { nulCharacterPaths } from '../lib/text.js';

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);
const API_PATH = /^\/api\/v1(\/|\?|$)/;

/**
 * Security headers, JSON-only bodies without NUL characters, and refusal of cross-site writes.
 * Browsers send text/plain and form bodies cross-site without a preflight, so only JSON is
 * parsed; a write whose Origin is not this site is refused before it reaches a route.
 */
export async function registerSecurity(app: FastifyInstance, publicUrl?: string) {
  const https = publicUrl ? new URL(publicUrl).protocol === 'https:' : false;
  // Built once: the Fastify plugin built helmet's middleware again for every request (about 30 µs).
  const securityHeaders = helmet({
    // Only a site reached over https may pin browsers to it; plain-HTTP installs would lock users out.
    strictTransportSecurity: https,
    contentSecurityPolicy: {
      directives: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'"],
        styleSrc: ["'self'", "'unsafe-inline'"],
        imgSrc: ["'self'", 'data:'],
        fontSrc: ["'self'", 'data:'],
        connectSrc: ["'self'"],
        // PDFs are shown in frames: the document's own address, or a preview made in the page.
        frameSrc: ["'self'", 'blob:'],
        frameAncestors: ["'none'"],
        formAction: ["'self'"],
        objectSrc: ["'none'"],
        baseUri: ["'self'"],
        // Self-hosted installs often run on plain HTTP inside a network; do not force https.
        upgradeInsecureRequests: null,
      },
    },
    referrerPolicy: { policy: 'strict-origin-when-cross-origin' },
    crossOriginEmbedderPolicy: false,
  });
  app.addHook('onRequest', (req, reply, done) => securityHeaders(req.raw, reply.raw, (err?: unknown) => done(err as Error | undefined)));

  app.removeAllContentTypeParsers();
  const parseJson = app.getDefaultJsonParser('error', 'error');
  app.addContentTypeParser('application/json', { parseAs: 'string' }, (req, body, done) => {
    // The body is read as UTF-8 (as JSON must be); another charset would be silently misread.
    const charset = /;\s*charset\s*=\s*"?([^";\s]*)/i.exec(req.headers['content-type'] ?? '')?.[1];
    if (charset !== undefined && !/^utf-?8$/i.test(charset)) {
      return done(new AppError(415, 'request.charset'), undefined);
    }
    // Fastify's own parser answers through `done`; what it returns carries nothing.
    void parseJson(req, body as string, done);
  });

  // API answers hold private data and session state: no browser or proxy keeps a copy, unless
  // the route says otherwise (an image kept privately and revalidated on each use, see sendImage).
  app.addHook('onSend', async (req, reply) => {
    if (API_PATH.test(req.url) && !reply.hasHeader('cache-control')) reply.header('cache-control', 'no-store');
  });

  const allowed = publicUrl ? new URL(publicUrl).origin : null;
  app.addHook('onRequest', async (req) => {
    if (SAFE_METHODS.has(req.method)) return;
    if (req.headers.authorization?.startsWith('Bearer ')) return; // not a browser-sent credential
    const origin = req.headers.origin;
    if (req.headers['sec-fetch-site'] === 'cross-site') throw forbidden('request.cross_site');
    if (!origin) return;
    const sameHost = (() => {
      try {
        return new URL(origin).host === req.headers.host;
      } catch {
        return false;
      }
    })();
    if (!sameHost && origin !== allowed) throw forbidden('request.cross_site');
  });
}

/**
 * PostgreSQL cannot store NUL characters, so no route ever accepts one: refused before
 * validation (registered after authentication, which comes first).
 */
export function refuseNulCharacters(app: FastifyInstance) {
  app.addHook('preValidation', async (req) => {
    for (const [where, value] of [
      ['body', req.body],
      ['querystring', req.query],
      ['params', req.params],
    ] as const) {
      const fields = nulCharacterPaths(value).map((f) => f || where);
      if (fields.length === 0) continue;
      const errors = fields.map((field) => ({ field, code: 'validation.nul_character' as const }));
      throw fields.length === 1 ? badRequest('validation.nul_character', {}, errors) : badRequest('validation.failed', { fields }, errors);
    }
  });
}
