import { composeServices, type Services } from '../composition.js';
import type { Database } from '../db/database.js';
import type { DemoClock } from './demo.clock.js';
import type { DemoPeople } from './demo.people.js';

/** Where the demo's proposal emails point; they are never delivered from the seed. */
const DEMO_PUBLIC_URL = 'http://localhost:3000';
/** The address the demo client answers from (bad links are counted per address). */
const CLIENT_ADDRESS = '127.0.0.1';

const NOTES = { en: 'Work starts within a week of acceptance.', ru: 'Работы начинаются в течение недели после принятия.' };
const DECLINE = { en: 'We chose a smaller scope with our own team', ru: 'Решили сделать меньший объём своими силами' };
const ACCEPTED_BY = { en: 'Marketing director', ru: 'Директор по маркетингу' };

type Lang = keyof typeof NOTES;
type Deal = Awaited<ReturnType<Services['deals']['list']>>['items'][number];

/**
 * Proposals on each manager's deals, in every state: a draft on a new deal, one sent and opened
 * by the client, one that expired unanswered, one declined with a reason, and one accepted (which
 * wins its deal, ready for the project to start). Sent through the services with a public address
 * of their own (the demo's other emails stay as they were); the client answers through the link.
 */
export async function seedProposals(db: Database, people: DemoPeople, clock: DemoClock) {
  const services = composeServices(db, clock, { publicUrl: DEMO_PUBLIC_URL });
  for (const manager of people.managers) {
    const deals = (await services.deals.list(manager, { limit: 200, owner: 'me', sort: 'close' })).items;
    const at = (stage: Deal['stage'], n: number) => deals.filter((d) => d.stage === stage)[n];
    const make = async (deal: Deal | undefined, daysAgo: number, validDays = 30) => {
      if (!deal) return null;
      const lines = await catalogLines(db, deal.currency);
      const contactId = await recipientOf(db, deal.accountId);
      if (!lines.length || !contactId) return null;
      const lang = await languageOf(db, deal.accountId);
      clock.daysAgo(daysAgo, 11);
      const p = await services.proposals.create(manager, {
        dealId: deal.id,
        lines,
        validUntil: clock.date(-daysAgo + validDays),
        notes: NOTES[lang],
      });
      return { id: p.id, contactId, lang };
    };
    const send = async (made: { id: string; contactId: string } | null, daysAgo: number) => {
      if (!made) return null;
      clock.daysAgo(daysAgo, 12);
      await services.proposalSending.send(manager, made.id, { contactId: made.contactId });
      return linkToken(db, made.id);
    };
    /** The client opens the link (the timeline shows it), then may answer. */
    const open = async (token: string | null, daysAgo: number) => {
      if (!token) return null;
      clock.daysAgo(daysAgo, 15);
      await services.proposalLinks.view(token, CLIENT_ADDRESS);
      return token;
    };

    await make(at('qualified', 0), 1);
    await open(await send(await make(at('proposal', 0), 5), 4), 2);
    await send(await make(at('proposal', 1), 40, 14), 39);
    const declined = await make(at('negotiation', 0), 12);
    const declining = await open(await send(declined, 11), 8);
    if (declined && declining) await services.proposalLinks.decline(declining, CLIENT_ADDRESS, DECLINE[declined.lang]);
    const accepted = await make(at('negotiation', 1), 9);
    const accepting = await open(await send(accepted, 8), 3);
    if (accepted && accepting) await services.proposalLinks.accept(accepting, CLIENT_ADDRESS, ACCEPTED_BY[accepted.lang]);
  }
  clock.daysAgo(null);
}

/** Two active catalog services priced in the currency, the first of them twice as much. */
async function catalogLines(db: Database, currency: string) {
  const rows = await db
    .selectFrom('services as s')
    .innerJoin('service_prices as p', 'p.service_id', 's.id')
    .select('s.id')
    .where('s.active', '=', 1)
    .where('p.currency', '=', currency)
    .orderBy('s.id')
    .limit(2)
    .execute();
  return rows.map((r, i) => ({ serviceId: r.id, quantity: i === 0 ? 2 : 1, discountPercent: i === 0 ? 10 : 0 }));
}

/** A contact of the account with an email, to send to. */
async function recipientOf(db: Database, accountId: string): Promise<string | null> {
  const row = await db
    .selectFrom('contacts')
    .select('id')
    .where('account_id', '=', accountId)
    .where('email', 'is not', null)
    .orderBy('id')
    .executeTakeFirst();
  return row?.id ?? null;
}

async function languageOf(db: Database, accountId: string): Promise<Lang> {
  const row = await db.selectFrom('accounts').select('language').where('id', '=', accountId).executeTakeFirstOrThrow();
  return row.language === 'ru' ? 'ru' : 'en';
}

/** The token of the link just emailed for the proposal: the undelivered email still holds it. */
async function linkToken(db: Database, proposalId: string): Promise<string | null> {
  const row = await db
    .selectFrom('email_outbox')
    .select('data')
    .where('purpose', 'like', 'proposal:%')
    .where('data', 'like', `%"proposalId":"${proposalId}"%`)
    .orderBy('created_at', 'desc')
    .executeTakeFirst();
  const secret = row ? (JSON.parse(row.data) as { secret?: string }).secret : undefined;
  return secret ?? null;
}
