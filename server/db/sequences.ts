import { sql, type Kysely } from 'kysely';
import type { DB } from './schema.js';

/**
 * The next number of a gap-free sequence (e.g. scope "invoice:2026"), taken inside the
 * caller's transaction. The upsert locks the counter row until that transaction ends: on
 * PostgreSQL concurrent issuers queue on the row lock, on SQLite writers are serialized
 * anyway. A rolled-back transaction rolls its number back too, so no number is skipped.
 */
export async function nextInSequence(trx: Kysely<DB>, scope: string): Promise<number> {
  const row = await trx
    .insertInto('number_sequences')
    .values({ scope, last_value: 1 })
    .onConflict((oc) => oc.column('scope').doUpdateSet({ last_value: sql<number>`number_sequences.last_value + 1` }))
    .returning('last_value')
    .executeTakeFirstOrThrow();
  return Number(row.last_value);
}

/**
 * A document number from a format such as "{YYYY}-{NNNNNN}": {YYYY} and {YY} are the year,
 * a run of N is the counter padded to that width (never cut when it grows longer).
 */
export function formatDocumentNumber(format: string, year: string, counter: number): string {
  return format
    .replace(/\{YYYY\}/g, year)
    .replace(/\{YY\}/g, year.slice(-2))
    .replace(/\{(N+)\}/g, (_m, ns: string) => String(counter).padStart(ns.length, '0'));
}

/**
 * The next gap-free number of a numbered record (an invoice, a contract, an act…): the counter
 * of `series` for the year, formatted. Taken inside the caller's transaction, so a rollback
 * gives the number back (see nextInSequence).
 */
export async function nextDocumentNumber(trx: Kysely<DB>, series: string, format: string, date: string): Promise<string> {
  const year = date.slice(0, 4);
  return formatDocumentNumber(format, year, await nextInSequence(trx, `${series}:${year}`));
}
