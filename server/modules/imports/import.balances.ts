import { isCurrencyCode } from '../../../common/currencies.js';
import { decimalToScaled } from '../../lib/money.js';
import type { OpeningBalances } from '../billing/index.js';
import { distinct, noCounts, resolveAccounts, sortByPolicy, type EntityImporter } from './import.batch.js';
import { currencyOf, dateOf, decimalOf, minorDigits, type FieldIssue } from './import.values.js';

interface BalanceValues {
  number: string | null;
  issueDate: string;
  dueDate: string;
  /** Decimals as written; turned into minor units once the currency is known (the file's, else the account's). */
  owed: string;
  amount: string;
  currency: string | null;
  owedMinor?: number;
  amountMinor?: number;
}

function dateField(fields: Record<string, string>, field: 'issueDate' | 'dueDate', issues: FieldIssue[]): string | null {
  const value = fields[field];
  if (!value) issues.push({ field, code: 'validation.required' });
  else if (!dateOf(value)) issues.push({ field, code: 'import.bad_date' });
  return value ? dateOf(value) : null;
}

function amountField(fields: Record<string, string>, field: 'owed' | 'amount', issues: FieldIssue[]): string | null {
  const value = fields[field];
  if (value === undefined) return null;
  const decimal = decimalOf(value);
  if (decimal === null || decimal.startsWith('-')) issues.push({ field, code: 'import.bad_amount' });
  return decimal;
}

/** Opening balances: issued invoices for what each account still owes, written through billing's bulk path. */
export function balanceImporter(openingBalances: OpeningBalances): EntityImporter<BalanceValues> {
  return {
    entity: 'opening_balances',
    parse(fields, issues) {
      const start = issues.length;
      const issueDate = dateField(fields, 'issueDate', issues);
      const dueDate = dateField(fields, 'dueDate', issues);
      const owed = amountField(fields, 'owed', issues);
      const amount = amountField(fields, 'amount', issues);
      if (owed === null && amount === null && fields.owed === undefined) issues.push({ field: 'owed', code: 'validation.required' });
      const currency = currencyOf(fields.currency) ?? null;
      if (currency && !isCurrencyCode(currency)) issues.push({ field: 'currency', code: 'validation.currency' });
      const number = fields.number ?? null;
      if (number && number.length > 50) issues.push({ field: 'number', code: 'validation.too_long', params: { max: 50 } });
      if (issues.length > start) return null;
      return { number, issueDate: issueDate!, dueDate: dueDate!, owed: (owed ?? amount)!, amount: (amount ?? owed)!, currency };
    },
    async resolve(trx, actor, rows) {
      const accounts = await resolveAccounts(trx, actor, rows);
      const taken = await openingBalances.takenNumbers(trx, distinct(rows.map((r) => r.values?.number)));
      const seen = new Set<string>();
      for (const row of rows) {
        const v = row.values;
        if (!v) continue;
        if (v.number && (taken.has(v.number) || seen.has(v.number)))
          row.issues.push({ field: 'number', code: 'import.number_taken', params: { number: v.number } });
        if (v.number) seen.add(v.number);
        if (!row.accountId) continue;
        v.currency ??= accounts.get(row.accountId)!.currency;
        const digits = minorDigits(v.currency);
        v.owedMinor = decimalToScaled(v.owed, digits) ?? undefined;
        v.amountMinor = decimalToScaled(v.amount, digits) ?? undefined;
        if (v.owedMinor === undefined) row.issues.push({ field: 'owed', code: 'import.bad_amount' });
        else if (v.amountMinor === undefined) row.issues.push({ field: 'amount', code: 'import.bad_amount' });
        else if (v.owedMinor === 0) row.issues.push({ field: 'owed', code: 'import.nothing_owed' });
        else if (v.owedMinor > v.amountMinor) row.issues.push({ field: 'owed', code: 'import.owed_above_amount' });
      }
    },
    present: (row) => ({
      account: row.fields.accountId ?? row.fields.account ?? null,
      number: row.values?.number ?? null,
      issueDate: row.values?.issueDate ?? null,
      dueDate: row.values?.dueDate ?? null,
      currency: row.values?.currency ?? null,
      owedMinor: row.values?.owedMinor ?? null,
      amountMinor: row.values?.amountMinor ?? null,
    }),
    async save(ctx, rows) {
      const counts = noCounts();
      const { inserts } = sortByPolicy(rows, 'create', counts);
      const ids = await openingBalances.insertMany(
        ctx.trx,
        inserts.map(({ values: v, accountId }) => ({
          accountId: accountId!,
          number: v!.number,
          issueDate: v!.issueDate,
          dueDate: v!.dueDate,
          currency: v!.currency!,
          owedMinor: v!.owedMinor!,
          amountMinor: v!.amountMinor!,
        })),
        ctx.actor.id,
        ctx.now,
        ctx.importId,
      );
      counts.created += ids.length;
      return counts;
    },
  };
}
