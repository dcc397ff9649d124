import { sql, type Expression, type Kysely } from 'kysely';
import { dialectOf } from '../../db/dialect.js';
import type { DB } from '../../db/schema.js';

/**
 * Records the law requires the agency to keep as they were issued or signed: invoices and their
 * payments, and documents (contracts, acts, proposals) with their frozen versions and events.
 * They name the legal entity (the account); a signer's typed name stays with the signature.
 */
export const LEGAL_RECORDS: ReadonlySet<string> = new Set([
  'invoices',
  'invoice_lines',
  'payments',
  'documents',
  'document_lines',
  'document_versions',
  'document_events',
]);

/**
 * Records of who people and companies are: the erased contact and their users are rewritten field
 * by field, and a namesake (another contact, a staff user, a sole trader's account) keeps their name.
 */
const IDENTITIES = new Set(['contacts', 'users', 'accounts']);

/** Tables never swept: the migrator's own, and the word index (rebuilt for what the sweep changes). */
const SKIPPED = (table: string) =>
  LEGAL_RECORDS.has(table) || IDENTITIES.has(table) || table.startsWith('kysely_') || table.startsWith('search_');

interface SweptTable {
  name: string;
  textColumns: string[];
  hasId: boolean;
  versioned: boolean;
}

let tablesOnce: Promise<SweptTable[]> | undefined;

/** Every table's text columns, read once from the schema itself (so a table added later is swept too). */
async function sweptTables(db: Kysely<DB>): Promise<SweptTable[]> {
  tablesOnce ??= db.introspection.getTables().then((tables) =>
    tables
      .filter((t) => !t.isView && !SKIPPED(t.name))
      .map((t) => {
        const names = new Set(t.columns.map((c) => c.name));
        return {
          name: t.name,
          textColumns: t.columns.filter((c) => /^(text|varchar|character varying)$/i.test(c.dataType)).map((c) => c.name),
          hasId: names.has('id'),
          versioned: names.has('version') && names.has('updated_at'),
        };
      })
      .filter((t) => t.textColumns.length > 0),
  );
  return tablesOnce.catch((error: unknown) => {
    tablesOnce = undefined;
    throw error;
  });
}

/**
 * Replaces every copy of `values` (a name, an address, a phone number) in every text column of
 * every table but the legal records, wherever a module copied them (audit snapshots, timeline
 * data, webhook payloads, mail headers). Changed versioned rows get a new version, so caches and
 * the search index take them up again. Answers the ids of the rows changed.
 */
export async function sweepValues(trx: Kysely<DB>, values: string[], replacement: string, now: string): Promise<string[]> {
  // Each value also as JSON writes it inside a string (quotes and line breaks escaped), for JSON columns.
  const needles = [...new Set(values.filter((v) => v.trim().length >= 3).flatMap((v) => [v, JSON.stringify(v).slice(1, -1)]))];
  if (needles.length === 0) return [];
  const contains = dialectOf(trx).name === 'postgres' ? 'strpos' : 'instr';
  const changed: string[] = [];
  for (const table of await sweptTables(trx)) {
    const replaced = (column: string) =>
      needles.reduce<Expression<unknown>>((expr, needle) => sql`replace(${expr}, ${needle}, ${replacement})`, sql.ref(column));
    const sets = table.textColumns.map((c) => sql`${sql.ref(c)} = ${replaced(c)}`);
    if (table.versioned) sets.push(sql`version = version + 1`, sql`updated_at = ${now}`);
    const where = table.textColumns.flatMap((c) => needles.map((n) => sql`${sql.raw(contains)}(${sql.ref(c)}, ${n}) > 0`));
    const statement = sql<{ id: string }>`update ${sql.table(table.name)} set ${sql.join(sets)} where ${sql.join(where, sql` or `)}${
      table.hasId ? sql` returning id` : sql``
    }`;
    const { rows } = await statement.execute(trx);
    if (table.hasId) changed.push(...rows.map((r) => r.id));
  }
  return changed;
}
