import { Migrator, type Kysely, type Migration, type MigrationProvider } from 'kysely';
import type { Database } from '../database.js';
import * as m0001 from './0001_foundation.js';
import * as m0002 from './0002_delivery.js';
import * as m0003 from './0003_billing.js';
import * as m0004 from './0004_two_factor.js';
import * as m0005 from './0005_speed.js';
import * as m0006 from './0006_worded_actions.js';
import * as m0007 from './0007_next_steps.js';
import * as m0008 from './0008_brief_languages.js';
import * as m0009 from './0009_audit_labels.js';
import * as m0013 from './0013_documents.js';
import * as m0016 from './0016_acts.js';
import * as m0017 from './0017_status_reports.js';
import * as m0018 from './0018_worded_stop_reason.js';
import * as m0019 from './0019_portal_access.js';
import * as m0020 from './0020_brief_submissions.js';
import * as m0021 from './0021_client_messages.js';
import * as m0022 from './0022_client_notifications.js';
import * as m0023 from './0023_portal_pages.js';
import * as m0024 from './0024_user_photos.js';
import * as m0025 from './0025_service_catalog.js';
import * as m0026 from './0026_deals.js';
import * as m0027 from './0027_proposals.js';
import * as m0028 from './0028_objections.js';
import * as m0030 from './0030_deal_reports.js';
import * as m0032 from './0032_surveys.js';
import * as m0033 from './0033_claims.js';
import * as m0034 from './0034_corrective_actions.js';
import * as m0035 from './0035_loyalty.js';
import * as m0036 from './0036_today.js';
import * as m0037 from './0037_satisfaction_reports.js';
import * as m0038 from './0038_health.js';
import * as m0039 from './0039_staff_inbox.js';
import * as m0040 from './0040_imports.js';
import * as m0041 from './0041_webhooks.js';
import * as m0042 from './0042_search.js';
import * as m0043 from './0043_calendar_feeds.js';
import * as m0044 from './0044_mail_dropbox.js';
import * as m0045 from './0045_personal_data.js';
import * as m0046 from './0046_search_at_write.js';
import * as m0047 from './0047_import_marks.js';
import * as m0048 from './0048_search_accounts.js';
import * as m0049 from './0049_accounts_backup_partial.js';
import { roleRatesPerCurrency } from './0015_role_rates_per_currency.js';

// Listed statically so migrations run the same from source (tsx) and from any bundler.
const migrations = (opts: MigrationOptions): Record<string, Migration> => ({
  '0001_foundation': m0001,
  '0002_delivery': m0002,
  '0003_billing': m0003,
  '0004_two_factor': m0004,
  '0005_speed': m0005,
  '0006_worded_actions': m0006,
  '0007_next_steps': m0007,
  '0008_brief_languages': m0008,
  '0009_audit_labels': m0009,
  '0013_documents': m0013,
  '0015_role_rates_per_currency': roleRatesPerCurrency(opts.defaultCurrency ?? 'EUR'),
  '0016_acts': m0016,
  '0017_status_reports': m0017,
  '0018_worded_stop_reason': m0018,
  '0019_portal_access': m0019,
  '0020_brief_submissions': m0020,
  '0021_client_messages': m0021,
  '0022_client_notifications': m0022,
  '0023_portal_pages': m0023,
  '0024_user_photos': m0024,
  '0025_service_catalog': m0025,
  '0026_deals': m0026,
  '0027_proposals': m0027,
  '0028_objections': m0028,
  '0030_deal_reports': m0030,
  '0032_surveys': m0032,
  '0033_claims': m0033,
  '0034_corrective_actions': m0034,
  '0035_loyalty': m0035,
  '0036_today': m0036,
  '0037_satisfaction_reports': m0037,
  '0038_health': m0038,
  '0039_staff_inbox': m0039,
  '0040_imports': m0040,
  '0041_webhooks': m0041,
  '0042_search': m0042,
  '0043_calendar_feeds': m0043,
  '0044_mail_dropbox': m0044,
  '0045_personal_data': m0045,
  '0046_search_at_write': m0046,
  '0047_import_marks': m0047,
  '0048_search_accounts': m0048,
  '0049_accounts_backup_partial': m0049,
});

/** What some migrations need to know of the installation. */
export interface MigrationOptions {
  /** The agency's default currency (DEFAULT_CURRENCY): rates stored without a currency were in it. */
  defaultCurrency?: string;
}

/** Every migration this build knows, in order: the last is the schema version it brings a database to. */
export const KNOWN_MIGRATIONS: readonly string[] = Object.keys(migrations({})).sort();

/** Where a database's schema stands against this build. */
export interface SchemaVersion {
  /** The latest migration the database ran (null on an empty database). */
  current: string | null;
  /** The latest this build knows. */
  latest: string;
  /** Migrations the database ran that this build does not know: it was upgraded by a newer release. */
  unknown: string[];
}

export async function schemaVersion(db: Database): Promise<SchemaVersion> {
  const latest = KNOWN_MIGRATIONS[KNOWN_MIGRATIONS.length - 1];
  const tables = await db.introspection.getTables({ withInternalKyselyTables: true });
  if (!tables.some((t) => t.name === 'kysely_migration')) return { current: null, latest, unknown: [] };
  const ran = (await (db as Kysely<any>).selectFrom('kysely_migration').select('name').orderBy('name').execute()).map(
    (r: { name: string }) => r.name,
  );
  const known = new Set(KNOWN_MIGRATIONS);
  return { current: ran[ran.length - 1] ?? null, latest, unknown: ran.filter((n) => !known.has(n)) };
}

/** The database was upgraded by a newer release: this one must not run on it (nor migrate it). */
export class SchemaTooNewError extends Error {
  constructor(unknown: string[]) {
    super(
      `The database's schema is newer than this version of Liaison: it ran migration${unknown.length > 1 ? 's' : ''} ` +
        `${unknown.join(', ')} that this version does not know. Run the newer version, or restore a backup made by this one.`,
    );
    this.name = 'SchemaTooNewError';
  }
}

/** Brings the schema up to date; throws with the failing migration's name, or SchemaTooNewError. */
export async function migrateToLatest(db: Database, opts: MigrationOptions = {}): Promise<void> {
  const { unknown } = await schemaVersion(db);
  if (unknown.length > 0) throw new SchemaTooNewError(unknown);
  const provider: MigrationProvider = { getMigrations: async () => migrations(opts) };
  // Features are built side by side and land in any order, so a database that already ran a
  // later-numbered migration still runs an earlier one it has not seen (each is independent).
  const migrator = new Migrator({ db, provider, allowUnorderedMigrations: true });
  const { error, results } = await migrator.migrateToLatest();
  const failed = results?.find((r) => r.status === 'Error');
  if (error) {
    throw new Error(`Migration ${failed?.migrationName ?? ''} failed: ${String((error as Error).message ?? error)}`);
  }
}

/**
 * Runs exactly the named migrations, in order: the schema a past release left behind (its list is in
 * its snapshot, server/db/releases/), so an upgrade from it can be rehearsed.
 */
export async function migrateAsRelease(db: Database, names: readonly string[], opts: MigrationOptions = {}): Promise<void> {
  const all = migrations(opts);
  const missing = names.filter((n) => !(n in all));
  if (missing.length > 0) throw new Error(`Migrations no longer known: ${missing.join(', ')}`);
  const provider: MigrationProvider = { getMigrations: async () => Object.fromEntries(names.map((n) => [n, all[n]])) };
  const { error, results } = await new Migrator({ db, provider }).migrateToLatest();
  const failed = results?.find((r) => r.status === 'Error');
  if (error) throw new Error(`Migration ${failed?.migrationName ?? ''} failed: ${String((error as Error).message ?? error)}`);
}
