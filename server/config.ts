import fs from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import { isCurrencyCode } from '../common/currencies.js';
import { LANGUAGES } from '../common/enums.js';
import { parseNetworks } from './metrics/access.js';

const ConfigSchema = z.object({
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  HOST: z.string().default('0.0.0.0'),
  DATA_DIR: z.string().default('./data'),
  DATABASE_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\//, { message: 'DATABASE_URL must start with postgres://' })
    .optional()
    .or(z.literal('').transform(() => undefined)),
  ADMIN_EMAIL: z.string().optional(),
  ADMIN_PASSWORD: z.string().optional(),
  SMTP_URL: z.string().optional(),
  MAIL_FROM: z.string().optional(),
  PUBLIC_URL: z.string().url().optional(),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  SESSION_TTL_HOURS: z.coerce
    .number()
    .positive()
    .default(24 * 7),
  DEFAULT_CURRENCY: z
    .string()
    .refine((code): boolean => isCurrencyCode(code), { message: 'DEFAULT_CURRENCY must be an ISO 4217 code in circulation, such as EUR' })
    .default('EUR'),
  DEFAULT_LANGUAGE: z.enum(LANGUAGES, { message: 'DEFAULT_LANGUAGE must be en or ru' }).default('en'),
  TRUST_PROXY: z.enum(['true', 'false']).default('false'),
  /**
   * On SIGTERM, how long an instance keeps serving after `/readyz` turned 503, before it closes:
   * longer than the balancer needs to notice (its check interval times its fall count).
   */
  SHUTDOWN_GRACE_MS: z.coerce.number().int().min(0).max(120_000).default(5_000),
  /** How often an instance looks for due scheduled jobs; each period still runs once across instances. */
  JOB_POLL_MS: z.coerce.number().int().min(100).default(30_000),
  // Empty counts as unset (the listener is off), not as port 0.
  INBOUND_SMTP_PORT: z.preprocess((v) => (v === '' ? undefined : v), z.coerce.number().int().min(0).max(65535).optional()),
  INBOUND_SMTP_HOST: z.string().default('0.0.0.0'),
  INBOUND_EMAIL_DOMAIN: z
    .string()
    .regex(/^[a-z0-9.-]+$/i, { message: 'INBOUND_EMAIL_DOMAIN must be a domain name, such as in.example.com' })
    .optional(),
  /** Bearer token that may read /metrics; with METRICS_ALLOW unset too, there are no metrics. */
  METRICS_TOKEN: z
    .string()
    .min(16, { message: 'METRICS_TOKEN must be at least 16 characters' })
    .optional()
    .or(z.literal('').transform(() => undefined)),
  /** Client networks that may read /metrics without the token, as comma-separated CIDRs. */
  METRICS_ALLOW: z
    .string()
    .superRefine((text, ctx) => {
      try {
        parseNetworks(text);
      } catch (err) {
        ctx.addIssue({ code: 'custom', message: `METRICS_ALLOW: ${(err as Error).message}` });
      }
    })
    .optional(),
  /** Traces go there over OTLP/HTTP when set; the other OTEL_* variables (service name, headers, sampler) apply. */
  OTEL_EXPORTER_OTLP_ENDPOINT: z
    .string()
    .url({ message: 'OTEL_EXPORTER_OTLP_ENDPOINT must be a URL, such as http://collector:4318' })
    .optional(),
  /** Where backups go; DATA_DIR/backups when unset. */
  BACKUP_DIR: z.string().optional(),
  BACKUP_SCHEDULE: z.enum(['off', 'daily'], { message: 'BACKUP_SCHEDULE must be off or daily' }).default('off'),
  /** The hour (0–23, agency time zone) the daily backup runs from. */
  BACKUP_HOUR: z.coerce.number().int().min(0).max(23).default(3),
  BACKUP_KEEP_DAILY: z.coerce.number().int().min(1).default(7),
  BACKUP_KEEP_WEEKLY: z.coerce.number().int().min(0).default(4),
});

export type Config = z.infer<typeof ConfigSchema> & { sqlitePath: string; backupDir: string };

/**
 * Parses the environment once; a bad value stops the start with a clear message. The
 * process's own environment is first completed from `.env` in the working directory, if
 * there is one (variables already set win).
 */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  if (env === process.env && fs.existsSync('.env')) process.loadEnvFile('.env');
  const parsed = ConfigSchema.safeParse(env);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message}`);
    throw new Error(`Invalid configuration:\n${lines.join('\n')}`);
  }
  return {
    ...parsed.data,
    sqlitePath: path.resolve(parsed.data.DATA_DIR, 'liaison.sqlite'),
    backupDir: path.resolve(parsed.data.BACKUP_DIR ?? path.join(parsed.data.DATA_DIR, 'backups')),
  };
}

/** Where the configured database lives: PostgreSQL by URL, otherwise the SQLite file in DATA_DIR. */
export const databaseLocationOf = (config: Config) =>
  config.DATABASE_URL ? { databaseUrl: config.DATABASE_URL } : { sqlitePath: config.sqlitePath };

/** The daily backup's settings, or undefined when BACKUP_SCHEDULE is off. */
export function backupScheduleOf(config: Config) {
  if (config.BACKUP_SCHEDULE !== 'daily') return undefined;
  return {
    location: databaseLocationOf(config),
    dir: config.backupDir,
    hour: config.BACKUP_HOUR,
    keepDaily: config.BACKUP_KEEP_DAILY,
    keepWeekly: config.BACKUP_KEEP_WEEKLY,
  };
}
