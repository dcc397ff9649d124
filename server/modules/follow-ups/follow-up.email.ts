import type { Language } from '../../../common/enums.js';
import type { FollowUpLevel } from '../../../common/schemas/billing.js';
import { daysBetween } from '../../lib/dates.js';
import { formatMoney, scaledToDecimal } from '../../lib/money.js';
import { escapeHtml, humanDate, textToHtml, type EmailAttachment } from '../email/index.js';

/** An invoice as a follow-up email lists it. */
export interface DunnedInvoice {
  id: string;
  number: string;
  currency: string;
  dueDate: string;
  balanceMinor: number;
}

export interface InvoiceForAttachment extends DunnedInvoice {
  accountName: string;
  issueDate: string;
  totalMinor: number;
  lines: Array<{ description: string; quantityMilli: number; unitPriceMinor: number; taxBasisPoints: number; totalMinor: number }>;
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

/** The invoice as a standalone HTML page attached to the email (printable; PDFs come with documents). */
export function invoiceAttachment(inv: InvoiceForAttachment, language: Language): EmailAttachment {
  const money = (v: number) => escapeHtml(formatMoney(v, inv.currency, LOCALES[language]));
  const head =
    language === 'ru' ? ['Описание', 'Кол-во', 'Цена', 'НДС %', 'Сумма'] : ['Description', 'Quantity', 'Unit price', 'Tax %', 'Amount'];
  const rows = inv.lines
    .map(
      (l) =>
        `<tr><td>${escapeHtml(l.description)}</td><td>${scaledToDecimal(l.quantityMilli, 3)}</td><td>${money(l.unitPriceMinor)}</td><td>${scaledToDecimal(l.taxBasisPoints, 2)}</td><td>${money(l.totalMinor)}</td></tr>`,
    )
    .join('');
  const title = `${language === 'ru' ? 'Счёт' : 'Invoice'} ${escapeHtml(inv.number)}`;
  const content = `<!doctype html><html lang="${language}"><head><meta charset="utf-8"><title>${title}</title></head><body>
<h1>${title}</h1><p>${escapeHtml(inv.accountName)}<br>${humanDate(inv.issueDate, language)} — ${WORDS[language].due} ${humanDate(inv.dueDate, language)}</p>
<table border="1" cellpadding="4" cellspacing="0"><thead><tr>${head.map((h) => `<th>${h}</th>`).join('')}</tr></thead><tbody>${rows}</tbody></table>
<p><strong>${money(inv.totalMinor)}</strong> — ${WORDS[language].owed} ${money(inv.balanceMinor)}</p></body></html>`;
  return { filename: `invoice-${inv.number.replace(/[^\w.-]+/g, '-')}.html`, contentType: 'text/html; charset=utf-8', content };
}
