import path from 'node:path';
import { fileURLToPath } from 'node:url';
import Fastify, { type FastifyInstance } from 'fastify';
import type { DestinationStream } from 'pino';
import type { Language } from '../common/enums.js';
import compress from '@fastify/compress';
import zlib from 'node:zlib';
import { serializerCompiler, validatorCompiler, type ZodTypeProvider } from 'fastify-type-provider-zod';
import type { Database, DialectName } from './db/database.js';
import type { Clock } from './lib/clock.js';
import type { MetricsAccessOptions } from './metrics/access.js';
import { systemClock } from './lib/clock.js';
import type { z } from 'zod';
import { compileJsonWriter } from './lib/json-writer.js';
import { strictDeep } from './lib/strict-body.js';
import { problemServerOptions, registerErrorHandling } from './plugins/errors.js';
import { registerMetrics } from './plugins/metrics.js';
import { registerOpenApi } from './plugins/openapi.js';
import { registerProbes } from './plugins/probes.js';
import { refuseNulCharacters, registerSecurity } from './plugins/security.js';
import { registerWebApp } from './plugins/web.js';
import { composeModules, type Services } from './composition.js';
import { createPdfRenderer, type PdfRenderer } from './modules/documents/index.js';
import { createMailer, defaultFrom, type Mailer } from './modules/email/index.js';
import { SESSION_COOKIE } from './modules/auth/index.js';
import type { BackupSchedule } from './modules/backups/index.js';

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
  /** The agency's language (DEFAULT_LANGUAGE): catalog texts must be written in it. */
  defaultLanguage?: Language;
  trustProxy?: boolean;
  /** Folder of the built web app; omitted in API tests. */
  webDist?: string | null;
  /** Outgoing mail server; without it email is disabled and follow-up emails wait, shown as pending. */
  smtpUrl?: string;
  mailFrom?: string;
  mailer?: Mailer;
  pdfRenderer?: PdfRenderer;
  /** The email dropbox's SMTP listener (INBOUND_SMTP_PORT); off when omitted. */
  inboundSmtp?: { port: number; host?: string };
  /** The dropbox addresses' domain (INBOUND_EMAIL_DOMAIN); the host of publicUrl when omitted. */
  inboundEmailDomain?: string;
  /** Who may read /metrics (METRICS_TOKEN, METRICS_ALLOW); neither: no metrics at all. */
  metrics?: MetricsAccessOptions;
  /** The daily backup with retention (BACKUP_SCHEDULE=daily). */
  backupSchedule?: BackupSchedule;
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
  // Zod checks every answer against its schema; a writer compiled from the schema does the same
  // in one pass where it knows every part of it, and hands Zod any value it is not sure of.
  app.setSerializerCompiler((route) => {
    const zodSerialize = serializerCompiler(route as Parameters<typeof serializerCompiler>[0]);
    const write = compileJsonWriter(route.schema);
    return write ? (data) => write(data) ?? zodSerialize(data) : zodSerialize;
  });
  app.addHook('onSend', async (req, reply) => {
    reply.header('x-request-id', req.id);
  });

  const mailer = deps.mailer ?? createMailer({ smtpUrl: deps.smtpUrl, from: deps.mailFrom ?? defaultFrom(deps.publicUrl) });
  if (!mailer.enabled) app.log.info('email is disabled (SMTP_URL is not set): follow-up emails are kept as pending');
  app.addHook('onClose', async () => mailer.close());
  const pdfRenderer = deps.pdfRenderer ?? createPdfRenderer();
  app.addHook('onClose', async () => pdfRenderer.close());
  const secureCookies = deps.publicUrl?.startsWith('https://') ?? false;
  const composition = composeModules(deps.db, clock, {
    sessionTtlMs: (deps.sessionTtlHours ?? 24 * 7) * 3600_000,
    defaultCurrency: deps.defaultCurrency ?? 'EUR',
    defaultLanguage: deps.defaultLanguage ?? 'en',
    secureCookies,
    publicUrl: deps.publicUrl,
    mailer,
    pdfRenderer,
    inboundEmailDomain: deps.inboundEmailDomain,
    log: app.log,
    backupSchedule: deps.backupSchedule,
  });
  app.decorate('db', deps.db);
  app.decorate('services', composition.services);

  const inboundSmtp = deps.inboundSmtp;
  if (inboundSmtp) {
    let listener: { close(): Promise<void> } | undefined;
    app.addHook('onReady', async () => {
      listener = await composition.services.startInboundSmtp(inboundSmtp);
    });
    app.addHook('onClose', async () => listener?.close());
  }

  registerErrorHandling(app);
  // First of the hooks, so that every response is measured, refused ones included.
  await registerMetrics(app, deps.metrics ?? {}, {
    db: deps.db,
    jobs: composition.jobs,
    onSignInFailed: (listener) => composition.modules.auth.auth.onSignInFailed(listener),
    contributions: composition.metrics,
  });
  // Every request body refuses fields its endpoint does not take (documented that way too).
  app.addHook('onRoute', (route) => {
    if (route.schema?.body) route.schema.body = strictDeep(route.schema.body as z.ZodType);
  });
  // API answers are compressed on the fly at a cheap level; built assets come precompressed.
  await app.register(compress, { threshold: 1024, brotliOptions: { params: { [zlib.constants.BROTLI_PARAM_QUALITY]: 4 } } });
  await registerSecurity(app, deps.publicUrl);
  await composition.modules.auth.registerAuthentication(app);
  refuseNulCharacters(app);
  await registerOpenApi(app);

  await registerProbes(app, deps.db, deps.dialect, clock);

  await app.register(
    async (api) => {
      for (const routes of composition.routes) await api.register(routes);
    },
    { prefix: '/api/v1' },
  );
  // Calendar feeds are fetched by calendar apps at a secret address of their own, outside the API.
  await app.register(composition.modules.calendarFeeds.publicCalendarRoutes);

  if (deps.webDist !== null) await registerWebApp(app, deps.webDist ?? DEFAULT_WEB_DIST, { sessionCookie: SESSION_COOKIE });
  return app;
}
