import { ACCOUNT_STATUSES, DECISION_ROLES, INTERACTION_TYPES, TIMELINE_EVENT_KINDS } from '../common/enums.js';
import { newId } from '../server/lib/ids.js';
import { foldText, searchText } from '../server/lib/text.js';

/**
 * `BENCH_SCALE=10` makes the agency ten times larger: accounts, their timelines and invoices.
 * The measured manager's book and the hot account keep their size, as they would in an agency
 * that grew by hiring more managers.
 */
export const SCALE = Number(process.env.BENCH_SCALE ?? 1);

/** The volume ENGINEERING.md asks for; the manager and the hot account make the measured pages realistic. */
export const VOLUME = {
  accounts: 10_000 * SCALE,
  contactsPerAccount: 5,
  interactions: 400_000 * SCALE,
  events: 600_000 * SCALE,
  /** Every fifth account is the manager's own, every hundredth (offset 1) has them as backup. */
  managerEvery: 5 * SCALE,
  backupEvery: 100 * SCALE,
  hotInteractions: 2_000,
  hotEvents: 3_000,
};

export type Row = Record<string, string | number | null>;

export interface SeedAccount {
  id: string;
  ownerId: string;
  contactIds: string[];
  interactions: number;
  events: number;
}

/** Small deterministic PRNG (mulberry32), so every run seeds the same shapes. */
export function random(seed: number) {
  let a = seed;
  const next = () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  return { next, pick: <T>(list: readonly T[]): T => list[Math.floor(next() * list.length)] };
}

const LATIN = [
  'Northwind',
  'Acme',
  'Globex',
  'Initech',
  'Umbrella',
  'Hooli',
  'Vandelay',
  'Tyrell',
  'Wonka',
  'Oceanic',
  'Stark',
  'Cyberdyne',
];
const CYRILLIC = ['Ёлка', 'Вектор', 'Ромашка', 'Север', 'Гранит', 'Радуга', 'Сибирь', 'Восток', 'Орбита', 'Парус'];
const SUFFIX = ['Group', 'Labs', 'Studio', 'Digital', 'Media', 'Systems'];
const FIRST = ['Anna', 'Boris', 'Clara', 'David', 'Елена', 'Фёдор', 'Ирина', 'Олег', 'Maria', 'Peter'];
const LAST = ['Smith', 'Ivanova', 'Müller', 'Петров', 'Соколова', 'Garcia', 'Кузнецов', 'Brown'];
const SUMMARIES = [
  'Quarterly review of the roadmap',
  'Обсудили продление договора',
  'Kick-off for the new website',
  'Звонок по счёту за март',
  'Follow-up on the SEO audit',
];
const SPAN_MS = 3 * 365 * 86_400_000;
const NOW = Date.parse('2025-06-01T00:00:00.000Z');

/** Accounts in creation order, with how many timeline entries each gets; index 0 is the hot account. */
export function planAccounts(managerId: string, otherOwners: string[]): SeedAccount[] {
  const n = VOLUME.accounts;
  const spread = (total: number, hot: number, i: number) =>
    i === 0 ? hot : Math.floor((i * (total - hot)) / (n - 1)) - Math.floor(((i - 1) * (total - hot)) / (n - 1));
  return Array.from({ length: n }, (_, i) => ({
    id: newId(),
    ownerId: i % VOLUME.managerEvery === 0 ? managerId : otherOwners[i % otherOwners.length],
    contactIds: Array.from({ length: VOLUME.contactsPerAccount }, () => newId()),
    interactions: spread(VOLUME.interactions, VOLUME.hotInteractions, i),
    events: spread(VOLUME.events, VOLUME.hotEvents, i),
  }));
}

const stamp = (rnd: () => number) => new Date(NOW - Math.floor(rnd() * SPAN_MS)).toISOString();

/** The account row as AccountService.create would write it. */
export function accountRow(a: SeedAccount, i: number, managerId: string, rnd: ReturnType<typeof random>): Row {
  const cyrillic = i % 3 === 0;
  const name = `${rnd.pick(cyrillic ? CYRILLIC : LATIN)} ${rnd.pick(SUFFIX)} ${i}`;
  const industry = rnd.pick(['Retail', 'Banking', 'Logistics', 'Healthcare', 'SaaS']);
  const website = `https://client-${i}.example`;
  const at = stamp(rnd.next);
  return {
    id: a.id,
    version: 1,
    created_at: at,
    updated_at: at,
    name,
    search_text: searchText(name, industry, website),
    status: rnd.pick(ACCOUNT_STATUSES),
    industry,
    website,
    owner_id: a.ownerId,
    backup_owner_id: i % VOLUME.backupEvery === 1 ? managerId : null,
    currency: 'EUR',
    payment_terms_days: 14,
    credit_limit_minor: null,
    language: cyrillic ? 'ru' : 'en',
  };
}

/** A contact row with sort_name and search_text derived as ContactService does. */
export function contactRow(accountId: string, id: string, i: number, rnd: ReturnType<typeof random>): Row {
  const first = rnd.pick(FIRST);
  const last = rnd.pick(LAST);
  const email = `person${i}@client.example`;
  const position = rnd.pick(['CEO', 'CTO', 'Marketing lead', 'Бухгалтер']);
  const at = stamp(rnd.next);
  return {
    id,
    version: 1,
    created_at: at,
    updated_at: at,
    account_id: accountId,
    first_name: first,
    last_name: last,
    sort_name: foldText(`${first} ${last}`),
    email,
    phone: null,
    position,
    decision_role: rnd.pick(DECISION_ROLES),
    portal_access: 0,
    search_text: searchText(first, last, email, null, position),
  };
}

/** An interaction row as InteractionService.create would write it. */
export function interactionRow(a: SeedAccount, rnd: ReturnType<typeof random>): Row {
  const at = stamp(rnd.next);
  const summary = rnd.pick(SUMMARIES);
  return {
    id: newId(),
    version: 1,
    created_at: at,
    updated_at: at,
    account_id: a.id,
    type: rnd.pick(INTERACTION_TYPES),
    occurred_at: at,
    summary,
    outcome: null,
    deal_id: null,
    project_id: null,
    author_id: a.ownerId,
    search_text: searchText(summary),
  };
}

/** The next step agreed in about one interaction in three, as NextStepService would track it. */
export function nextStepRow(interaction: Row, rnd: ReturnType<typeof random>): Row | null {
  if (rnd.next() >= 0.3) return null;
  return {
    id: newId(),
    version: 1,
    created_at: interaction.created_at,
    updated_at: interaction.updated_at,
    account_id: interaction.account_id,
    interaction_id: interaction.id,
    owner_id: interaction.author_id,
    text: 'Send the proposal',
    due_date: null,
    created_by_id: interaction.author_id,
  };
}

/** A system event row as TimelineService.recordEvent would write it. */
export function eventRow(a: SeedAccount, rnd: ReturnType<typeof random>): Row {
  const kind = rnd.pick(TIMELINE_EVENT_KINDS);
  const data = kind === 'status_changed' ? { from: 'prospect', to: 'active' } : { name: 'seeded' };
  return { id: newId(), account_id: a.id, occurred_at: stamp(rnd.next), kind, actor_id: a.ownerId, data: JSON.stringify(data) };
}
