import fs from 'node:fs';
import path from 'node:path';
import type { FastifyInstance } from 'fastify';
import fastifyStatic from '@fastify/static';

/** Serves the built web app; any non-API path falls back to index.html for deep links. */
export async function registerWebApp(app: FastifyInstance, distDir: string) {
  const index = path.join(distDir, 'index.html');
  if (!fs.existsSync(index)) {
    app.log.warn({ distDir }, 'web app not built; run `npm run build` to serve the pages');
    return;
  }
  // preCompressed: the build writes .br/.gz beside each file (see scripts/vite-precompress.ts).
  await app.register(fastifyStatic, { root: distDir, wildcard: false, index: false, maxAge: '1y', immutable: true, preCompressed: true });
  const html = fs.readFileSync(index, 'utf8');
  app.get('/*', { schema: { hide: true } }, async (req, reply) => {
    const p = req.url.split('?')[0];
    // Built files have routes of their own (wildcard: false); a missing asset is a real 404.
    if (p.startsWith('/api/') || p.startsWith('/assets/') || p === '/healthz' || p === '/readyz') return reply.callNotFound();
    return reply.header('cache-control', 'no-cache').type('text/html').send(html);
  });
}
