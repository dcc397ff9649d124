import type { Kysely, Migration } from 'kysely';

/**
 * Hourly rates per role become a table role × currency. Rates stored before (role → amount)
 * were meant in the agency's default currency, so they move to that currency's column. A
 * rouble project is then priced with rouble rates only, never with euro amounts.
 */
const KEY = 'delivery.role_rates';

type Single = Record<string, number>;
type PerCurrency = Record<string, Record<string, number>>;

const isSingle = (v: unknown): v is Single =>
  typeof v === 'object' && v !== null && !Array.isArray(v) && Object.values(v).every((x) => typeof x === 'number');

async function readRates(db: Kysely<any>): Promise<unknown> {
  const row = await db.selectFrom('settings').select('value').where('key', '=', KEY).executeTakeFirst();
  if (!row) return undefined;
  try {
    return JSON.parse(row.value as string);
  } catch {
    return undefined;
  }
}

async function writeRates(db: Kysely<any>, value: unknown): Promise<void> {
  await db
    .updateTable('settings')
    .set({ value: JSON.stringify(value) })
    .where('key', '=', KEY)
    .execute();
}

/** The migration for an agency whose default currency is `defaultCurrency`. */
export function roleRatesPerCurrency(defaultCurrency: string): Migration {
  return {
    async up(db) {
      const rates = await readRates(db);
      if (!isSingle(rates)) return; // unset (the defaults apply), or already per currency
      const table: PerCurrency = Object.fromEntries(Object.entries(rates).map(([role, rate]) => [role, { [defaultCurrency]: rate }]));
      await writeRates(db, table);
    },
    async down(db) {
      const rates = (await readRates(db)) as PerCurrency | undefined;
      if (!rates || isSingle(rates)) return;
      // Only the default currency's column fits the old shape.
      const single: Single = {};
      for (const [role, byCurrency] of Object.entries(rates)) {
        if (typeof byCurrency?.[defaultCurrency] === 'number') single[role] = byCurrency[defaultCurrency];
      }
      await writeRates(db, single);
    },
  };
}
