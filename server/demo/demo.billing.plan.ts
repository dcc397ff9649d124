import type { InvoiceLineInput } from '../../common/schemas/invoice.js';
import { addDays } from '../lib/dates.js';

/** How a demo client pays: most on time, some late, a few chronically late or in parts. */
export type PayerHabit = 'punctual' | 'late' | 'chronic' | 'partial';

/** One thing that happens on a day of the demo year. */
export type DemoEvent =
  | { date: string; kind: 'issue'; account: number; invoice: string; lines: InvoiceLineInput[] }
  | { date: string; kind: 'pay'; account: number; invoice: string; share: number; reference: string }
  | { date: string; kind: 'reverse'; account: number; invoice: string; reason: string }
  | { date: string; kind: 'credit'; account: number; invoice: string; share: number; reason: string }
  | { date: string; kind: 'void'; account: number; invoice: string; reason: string }
  | { date: string; kind: 'draft'; account: number; invoice: string; lines: InvoiceLineInput[] };

/** A seeded generator (mulberry32), so every install gets the same demo year. */
export function seeded(seed: number) {
  let state = seed >>> 0;
  const next = () => {
    let t = (state += 0x6d2b79f5);
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  return {
    next,
    int: (min: number, max: number) => min + Math.floor(next() * (max - min + 1)),
    pick: <T>(xs: readonly T[]) => xs[Math.floor(next() * xs.length)],
  };
}
type Rng = ReturnType<typeof seeded>;

const CATALOG = [
  { en: 'SEO monthly retainer', ru: 'Ежемесячное SEO-сопровождение', price: 120_000, hours: false },
  { en: 'Contextual advertising management', ru: 'Ведение контекстной рекламы', price: 80_000, hours: false },
  { en: 'Copywriting, hours', ru: 'Копирайтинг, часы', price: 4_500, hours: true },
  { en: 'Design, hours', ru: 'Дизайн, часы', price: 6_500, hours: true },
  { en: 'Analytics report', ru: 'Аналитический отчёт', price: 35_000, hours: false },
];

export interface PlanAccount {
  currency: string;
  language: string;
  paymentTermsDays: number;
}

/** A month's invoice lines: the retainer and one or two extras, priced in the account's currency. */
function monthLines(rng: Rng, a: PlanAccount): InvoiceLineInput[] {
  const scale = a.currency === 'RUB' ? 90 : 1;
  const tax = a.currency === 'USD' ? 0 : 20;
  const items = [CATALOG[rng.int(0, 1)], ...(rng.next() < 0.6 ? [rng.pick(CATALOG.slice(2))] : [])];
  return items.map((c) => ({
    description: a.language === 'ru' ? c.ru : c.en,
    quantity: c.hours ? rng.int(4, 20) + (rng.next() < 0.3 ? 0.5 : 0) : 1,
    unitPriceMinor: c.price * scale,
    taxPercent: tax,
  }));
}

export const habitOf = (index: number): PayerHabit =>
  (['punctual', 'late', 'punctual', 'chronic', 'punctual', 'late', 'partial', 'punctual'] as const)[index % 8];

/**
 * A year of monthly invoices per account and the payments each habit makes, up to `today`:
 * punctual clients pay around the due date, late ones 10–40 days after, chronic ones 45–100
 * days after and leave the last months unpaid, partial payers pay half and the rest later.
 */
export function planBillingYear(accounts: PlanAccount[], today: string, rng: Rng): DemoEvent[] {
  const events: DemoEvent[] = [];
  accounts.forEach((a, account) => {
    const habit = habitOf(account);
    // month 0 is this month's invoice, issued a few days ago and not yet due
    for (let month = 11; month >= 0; month--) {
      const issued = addDays(today, -month * 30 - rng.int(1, 5));
      const invoice = `${account}:${month}`;
      events.push({ date: issued, kind: 'issue', account, invoice, lines: monthLines(rng, a) });
      const due = addDays(issued, a.paymentTermsDays);
      const pay = (date: string, share: number) => {
        if (date < today)
          events.push({
            date: date < issued ? issued : date,
            kind: 'pay',
            account,
            invoice,
            share,
            reference: `BANK-${invoice.replace(':', '-')}-${date.slice(5)}`,
          });
      };
      if (habit === 'punctual') pay(addDays(due, rng.int(-5, 2)), 1);
      if (habit === 'late') pay(addDays(due, rng.int(10, 40)), 1);
      if (habit === 'chronic' && month > 3) pay(addDays(due, rng.int(45, 100)), 1);
      if (habit === 'partial') {
        pay(addDays(due, rng.int(0, 10)), 0.5);
        if (month > 2) pay(addDays(due, rng.int(20, 50)), 1);
      }
    }
  });
  // A few stories the pages should show: a bounced payment paid again, a disputed line credited,
  // an invoice issued by mistake and voided, drafts in progress.
  const bounced = events.find((e) => e.kind === 'pay' && e.account === 1 && e.date > addDays(today, -200));
  if (bounced?.kind === 'pay') {
    events.push({
      date: addDays(bounced.date, 3),
      kind: 'reverse',
      account: 1,
      invoice: bounced.invoice,
      reason: 'The bank returned the transfer',
    });
    const again = addDays(bounced.date, 10);
    if (again < today) events.push({ ...bounced, date: again, reference: `${bounced.reference}-2` });
  }
  events.push({
    date: addDays(today, -20),
    kind: 'credit',
    account: 3,
    invoice: '3:1',
    share: 0.25,
    reason: 'Part of the month’s work was not delivered',
  });
  const mistaken = events.find((e) => e.kind === 'issue' && e.invoice === '2:10');
  if (mistaken) {
    events.splice(0, events.length, ...events.filter((e) => !(e.kind === 'pay' && e.invoice === '2:10')));
    events.push({ date: addDays(mistaken.date, 1), kind: 'void', account: 2, invoice: '2:10', reason: 'Issued to the wrong company' });
  }
  for (const account of [0, 4, 6]) {
    if (accounts[account])
      events.push({ date: today, kind: 'draft', account, invoice: `${account}:next`, lines: monthLines(rng, accounts[account]) });
  }
  const order = { issue: 0, draft: 0, void: 1, credit: 2, pay: 3, reverse: 4 };
  return events
    .filter((e) => e.account < accounts.length)
    .sort((x, y) => (x.date === y.date ? order[x.kind] - order[y.kind] : x.date.localeCompare(y.date)));
}
