import fs from 'node:fs';
import path from 'node:path';
import type { FastifyInstance } from 'fastify';
import fastifyStatic from '@fastify/static';

/** Files at the root of the build that are served as they are (robots.txt is not a page). */
const ROOT_FILES: Record<string, string> = { '/robots.txt': 'text/plain; charset=utf-8' };

/**
 * Serves the built web app: hashed files under /assets/ (immutable, precompressed .br/.gz
 * written by the build), and index.html for every other non-API path so deep links load.
 * Both are looked up per request, so a rebuild is served without a restart.
 */
export async function registerWebApp(app: FastifyInstance, distDir: string) {
  const index = path.join(distDir, 'index.html');
  if (!fs.existsSync(index)) {
    app.log.warn({ distDir }, 'web app not built; run `npm run build` to serve the pages');
    return;
  }
  await app.register(fastifyStatic, {
    root: path.join(distDir, 'assets'),
    prefix: '/assets/',
    index: false,
    maxAge: '1y',
    immutable: true,
    preCompressed: true,
    // Source maps are not built for production; one left in the folder is still never served.
    allowedPath: (pathName) => !/\.map(\.br|\.gz)?$/i.test(pathName),
  });
  app.get('/*', { schema: { hide: true } }, async (req, reply) => {
    const p = req.url.split('?')[0];
    if (p.startsWith('/api/') || p === '/healthz' || p === '/readyz') return reply.callNotFound();
    const rootFile = ROOT_FILES[p];
    if (rootFile) {
      const body = await fs.promises.readFile(path.join(distDir, p)).catch(() => null);
      if (!body) return reply.callNotFound();
      return reply.header('cache-control', 'public, max-age=3600').type(rootFile).send(body);
    }
    const html = await fs.promises.readFile(index, 'utf8');
    return reply.header('cache-control', 'no-cache').type('text/html').send(html);
  });
}
