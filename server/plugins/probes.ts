import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { isReachable, type Database, type DialectName } from '../db/database.js';
import { schemaVersion } from '../db/migrations/index.js';
import { APP_VERSION } from '../lib/app-version.js';
import type { Clock } from '../lib/clock.js';

const VersionSchema = z.object({
  version: z.string().describe('The release of Liaison this instance runs'),
  schema: z.object({
    current: z.string().nullable().describe('The latest migration the database ran'),
    latest: z.string().describe('The latest migration this release knows; equal to `current` once it migrated'),
  }),
});

const SCHEMA_READ_INTERVAL_MS = 5_000;

declare module 'fastify' {
  interface FastifyInstance {
    /** From now on `/readyz` answers 503 and answers close their connection, while requests are still served. */
    beginDraining(): void;
  }
}

/**
 * Liveness (`/healthz`: the process answers), readiness (`/readyz`: and reaches its database; a
 * balancer sends traffic only then) and the release with its schema version (`/api/v1/version`),
 * which lets an operator see, during a rolling upgrade, which instances run what.
 */
export async function registerProbes(app: FastifyInstance, db: Database, dialect: DialectName, clock: Clock): Promise<void> {
  // During a rolling upgrade a newer instance migrates the database under this one, which keeps
  // serving (docs/migrations.md): `current` then names the newer schema. Read at most every few
  // seconds, as balancers poll /readyz often.
  let schema: Promise<{ current: string | null; latest: string }> | undefined;
  let readAt = 0;
  const version = async () => {
    const now = clock.now().getTime();
    if (!schema || now - readAt > SCHEMA_READ_INTERVAL_MS) {
      readAt = now;
      schema = schemaVersion(db).then(({ current, latest }) => ({ current, latest }));
      void schema.catch(() => (schema = undefined)); // a failed read is tried again next time
    }
    return { version: APP_VERSION, schema: await schema };
  };

  // A stopping instance first tells the balancer it is not ready, then keeps serving for a grace
  // period so that requests already routed to it still succeed (see server/main.ts).
  let draining = false;
  app.decorate('beginDraining', () => {
    draining = true;
  });
  app.addHook('onSend', async (_req, reply) => {
    if (draining) reply.header('connection', 'close'); // keep-alive clients reconnect elsewhere
  });

  app.get('/healthz', { schema: { hide: true } }, async () => ({ status: 'ok' }));
  app.get('/readyz', { schema: { hide: true } }, async (_req, reply) => {
    if (draining) return reply.code(503).send({ status: 'draining', dialect });
    const ok = await isReachable(db);
    return reply.code(ok ? 200 : 503).send({ status: ok ? 'ready' : 'database unreachable', dialect, ...(ok ? await version() : {}) });
  });
  app.withTypeProvider<ZodTypeProvider>().get(
    '/api/v1/version',
    {
      schema: {
        tags: ['system'],
        summary: 'The release this instance runs and its database schema version (no sign-in needed)',
        response: { 200: VersionSchema },
      },
    },
    version,
  );
}
