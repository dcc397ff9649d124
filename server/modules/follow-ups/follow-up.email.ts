import type { Language } from '../../../common/enums.js';
import type { FollowUpLevel } from '../../../common/schemas/billing.js';
import { daysBetween } from '../../lib/dates.js';
import { formatMoney } from '../../lib/money.js';
import { humanDate, textToHtml } from '../email/index.js';

/** An invoice as a follow-up email lists it. */
export interface DunnedInvoice {
  id: string;
  number: string;
  currency: string;
  dueDate: string;
  balanceMinor: number;
}

const WORDS = {
  en: {
    due: 'due',
    owed: 'outstanding',
    overdue: (n: number) => `${n} days overdue`,
    dueIn: (n: number) => (n === 0 ? 'due today' : `due in ${n} days`),
  },
  ru: {
    due: 'срок оплаты',
    owed: 'к оплате',
    overdue: (n: number) => `просрочен на ${n} дн.`,
    dueIn: (n: number) => (n === 0 ? 'срок сегодня' : `осталось ${n} дн.`),
  },
} as const;

const LOCALES: Record<Language, string> = { en: 'en-GB', ru: 'ru-RU' };

/** "• 2026-000123 — due 10 Mar 2026 — €1,200.00 outstanding (5 days overdue)". */
export function invoiceLine(inv: DunnedInvoice, today: string, language: Language): string {
  const w = WORDS[language];
  const late = daysBetween(inv.dueDate, today);
  const when = late > 0 ? w.overdue(late) : w.dueIn(-late);
  return `• ${inv.number} — ${w.due} ${humanDate(inv.dueDate, language)} — ${w.owed} ${formatMoney(inv.balanceMinor, inv.currency, LOCALES[language])} (${when})`;
}

/** Sums per currency, never across currencies: "€1,200.00 + $300.00". */
export function totalsText(invoices: DunnedInvoice[], language: Language): string {
  const sums = new Map<string, number>();
  for (const i of invoices) sums.set(i.currency, (sums.get(i.currency) ?? 0) + i.balanceMinor);
  return [...sums].map(([c, v]) => formatMoney(v, c, LOCALES[language])).join(' + ');
}

/** Fills a level's template in the account's language; client data is escaped in the HTML part. */
export function composeFollowUp(level: FollowUpLevel, accountName: string, invoices: DunnedInvoice[], today: string, language: Language) {
  const listing = invoices.map((i) => invoiceLine(i, today, language)).join('\n');
  const fill = (template: string) =>
    template.replace(
      /\{\{(\w+)\}\}/g,
      (m, key: string) => ({ accountName, invoices: listing, totalDue: totalsText(invoices, language) })[key as 'accountName'] ?? m,
    );
  const text = level.body[language].includes('{{invoices}}') ? fill(level.body[language]) : `${fill(level.body[language])}\n\n${listing}`;
  const html = textToHtml(text);
  return { subject: fill(level.subject[language]), text, html };
}
