import path from 'node:path';
import { fileURLToPath } from 'node:url';
import Fastify, { type FastifyInstance } from 'fastify';
import type { DestinationStream } from 'pino';
import compress from '@fastify/compress';
import zlib from 'node:zlib';
import { serializerCompiler, validatorCompiler, type ZodTypeProvider } from 'fastify-type-provider-zod';
import { isReachable, type Database, type DialectName } from './db/database.js';
import type { Clock } from './lib/clock.js';
import { systemClock } from './lib/clock.js';
import { accountRoutes } from './modules/accounts/account.routes.js';
import { auditRoutes } from './modules/audit/audit.routes.js';
import { billingApi } from './modules/billing/billing.plugin.js';
import { createMailer, defaultFrom, type Mailer } from './modules/email/mailer.js';
import { authPlugin } from './modules/auth/auth.plugin.js';
import { authRoutes } from './modules/auth/auth.routes.js';
import { tokenRoutes } from './modules/auth/token.routes.js';
import { contactRoutes } from './modules/contacts/contact.routes.js';
import { interactionRoutes } from './modules/interactions/interaction.routes.js';
import { userRoutes } from './modules/users/user.routes.js';
import { deliveryRoutes } from './modules/delivery/delivery.routes.js';
import { planRoutes } from './modules/plans/plan.routes.js';
import { projectRoutes } from './modules/projects/project.routes.js';
import { taskRoutes } from './modules/tasks/task.routes.js';
import { problemServerOptions, registerErrorHandling } from './plugins/errors.js';
import { registerOpenApi } from './plugins/openapi.js';
import { registerSecurity } from './plugins/security.js';
import { registerWebApp } from './plugins/web.js';
import { createServices, type Services } from './services.js';

export interface AppDeps {
  db: Database;
  dialect: DialectName;
  clock?: Clock;
  logLevel?: string;
  /** Where log lines go (standard output when omitted); main.ts passes a LogOutput, tests read them from here. */
  logStream?: DestinationStream;
  publicUrl?: string;
  sessionTtlHours?: number;
  defaultCurrency?: string;
  trustProxy?: boolean;
  /** Folder of the built web app; omitted in API tests. */
  webDist?: string | null;
  /** Outgoing mail server; without it email is disabled and follow-up emails wait, shown as pending. */
  smtpUrl?: string;
  mailFrom?: string;
  mailer?: Mailer;
}

declare module 'fastify' {
  interface FastifyInstance {
    db: Database;
    services: Services;
  }
}

export const DEFAULT_WEB_DIST = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../web/dist');

const REDACT = ['req.headers.authorization', 'req.headers.cookie', 'res.headers["set-cookie"]', '*.password', '*.token'];

/** Builds the whole application on a ready database; the caller listens or injects. */
export async function buildApp(deps: AppDeps): Promise<FastifyInstance> {
  const clock = deps.clock ?? systemClock;
  const app = Fastify({
    logger: {
      level: deps.logLevel ?? 'info',
      redact: { paths: REDACT, censor: '[redacted]' },
      ...(deps.logStream ? { stream: deps.logStream } : {}),
    },
    bodyLimit: 1024 * 1024,
    trustProxy: deps.trustProxy ?? false,
    genReqId: () => crypto.randomUUID(),
    requestIdHeader: false,
    routerOptions: { maxParamLength: 200 },
    ...problemServerOptions,
  }).withTypeProvider<ZodTypeProvider>();
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  app.addHook('onSend', async (req, reply) => {
    reply.header('x-request-id', req.id);
  });

  const mailer = deps.mailer ?? createMailer({ smtpUrl: deps.smtpUrl, from: deps.mailFrom ?? defaultFrom(deps.publicUrl) });
  if (!mailer.enabled) app.log.info('email is disabled (SMTP_URL is not set): follow-up emails are kept as pending');
  app.addHook('onClose', async () => mailer.close());
  const services = createServices(deps.db, clock, {
    sessionTtlMs: (deps.sessionTtlHours ?? 24 * 7) * 3600_000,
    defaultCurrency: deps.defaultCurrency ?? 'EUR',
    mailer,
    log: app.log,
  });
  app.decorate('db', deps.db);
  app.decorate('services', services);

  registerErrorHandling(app);
  // API answers are compressed on the fly at a cheap level; built assets come precompressed.
  await app.register(compress, { threshold: 1024, brotliOptions: { params: { [zlib.constants.BROTLI_PARAM_QUALITY]: 4 } } });
  await registerSecurity(app, deps.publicUrl);
  const secureCookies = deps.publicUrl?.startsWith('https://') ?? false;
  await app.register(authPlugin, { auth: services.auth, secureCookies });
  await registerOpenApi(app);

  app.get('/healthz', { schema: { hide: true } }, async () => ({ status: 'ok' }));
  app.get('/readyz', { schema: { hide: true } }, async (_req, reply) => {
    const ok = await isReachable(deps.db);
    return reply.code(ok ? 200 : 503).send({ status: ok ? 'ready' : 'database unreachable', dialect: deps.dialect });
  });

  await app.register(
    async (api) => {
      await api.register(authRoutes, { auth: services.auth, users: services.users, secureCookies });
      await api.register(tokenRoutes, { tokens: services.tokens });
      await api.register(userRoutes, { users: services.users });
      await api.register(accountRoutes, { services });
      await api.register(contactRoutes, { contacts: services.contacts });
      await api.register(interactionRoutes, { interactions: services.interactions });
      await api.register(auditRoutes);
      await api.register(billingApi, { services });
      await api.register(projectRoutes, { services });
      await api.register(planRoutes, { services });
      await api.register(taskRoutes, { tasks: services.tasks, comments: services.taskComments });
      await api.register(deliveryRoutes, { services });
    },
    { prefix: '/api/v1' },
  );

  if (deps.webDist !== null) await registerWebApp(app, deps.webDist ?? DEFAULT_WEB_DIST);
  return app;
}
