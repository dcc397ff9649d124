import type { Services } from '../composition.js';
import type { DemoClock } from './demo.clock.js';
import { COMPANIES, FIRST_NAMES, LAST_NAMES, MEETING_TOPICS, POSITIONS, lastName } from './demo.names.js';
import type { DemoPeople } from './demo.people.js';
import { createClientUser } from './demo.people.js';
import type { DemoRandom } from './demo.random.js';

export interface DemoAccount {
  id: string;
  name: string;
  language: 'en' | 'ru';
  ownerIndex: number;
  status: string;
  contactIds: string[];
}

const STATUSES = ['active', 'active', 'active', 'active', 'active', 'prospect', 'paused', 'churned'] as const;

/** 40 client companies with contacts and a year of meetings, calls, emails and notes. */
export async function seedAccounts(services: Services, people: DemoPeople, clock: DemoClock, rnd: DemoRandom): Promise<DemoAccount[]> {
  const accounts: DemoAccount[] = [];
  for (const [i, c] of COMPANIES.entries()) {
    const ownerIndex = i % people.managers.length;
    const owner = people.managers[ownerIndex];
    clock.daysAgo(rnd.int(300, 420));
    const status = i < 3 ? 'active' : STATUSES[i % STATUSES.length];
    const account = await services.accounts.create(owner, {
      name: c.name,
      status,
      industry: c.industry,
      website: c.website,
      ownerId: owner.id,
      backupOwnerId: people.managers[(ownerIndex + 1) % people.managers.length].id,
      currency: c.language === 'ru' ? 'RUB' : rnd.pick(['EUR', 'EUR', 'USD']),
      paymentTermsDays: rnd.pick([7, 14, 14, 30, 30, 45]),
      creditLimitMinor: rnd.pick([null, 500_000, 1_000_000, 2_500_000]),
      language: c.language,
    });
    const contactIds: string[] = [];
    for (let k = 0; k < rnd.int(2, 3); k++) {
      const lang = c.language;
      const first = rnd.pick(FIRST_NAMES[lang]);
      const contact = await services.contacts.create(owner, {
        accountId: account.id,
        firstName: first,
        lastName: lastName(lang, first, rnd.pick(LAST_NAMES[lang])),
        email: `${first.toLowerCase().replace(/[^a-z]/g, '') || 'contact'}${i}${k}@${c.website}`,
        phone: `+1 555 01${String(i).padStart(2, '0')}${k}`,
        position: k === 0 ? 'CEO' : rnd.pick(POSITIONS),
        decisionRole: k === 0 ? 'decision_maker' : rnd.pick(['influencer', 'billing', 'user'] as const),
        portalAccess: k === 0,
        // the decision maker reads the projects' status reports
        receivesReports: k === 0,
      });
      contactIds.push(contact.id);
    }
    accounts.push({ id: account.id, name: c.name, language: c.language, ownerIndex, status, contactIds });
    await seedTimeline(services, owner, account.id, contactIds, clock, rnd, status === 'churned' ? 120 : 0);
  }
  // Two portal logins, so the client's side can be tried.
  await createClientUser(services, people.admin, accounts[0].contactIds[0], 'client@northwind.example', 'Emma Client');
  await createClientUser(services, people.admin, accounts[1].contactIds[0], 'client@romashka.example', 'Анна Клиент');
  return accounts;
}

/** About two interactions a month for a year; recent ones may still have a next step due. */
async function seedTimeline(
  services: Services,
  owner: DemoPeople['admin'],
  accountId: string,
  contactIds: string[],
  clock: DemoClock,
  rnd: DemoRandom,
  quietDays: number,
) {
  for (let daysAgo = 360; daysAgo > quietDays; daysAgo -= rnd.int(8, 25)) {
    const [type, summary, outcome, nextStep] = rnd.pick(MEETING_TOPICS);
    const dueIn = -daysAgo + rnd.int(3, 10);
    clock.daysAgo(daysAgo, rnd.int(8, 16));
    const interaction = await services.interactions.create(owner, {
      accountId,
      type,
      occurredAt: clock.now().toISOString(),
      summary,
      outcome: outcome ?? undefined,
      nextStep: nextStep ?? undefined,
      nextStepDue: nextStep ? clock.date(dueIn) : undefined,
      contactIds: [rnd.pick(contactIds)],
    });
    // A manager keeps promises on the day they fall due; a few of the last weeks' slipped.
    const step = interaction.nextStepTracking;
    if (step && dueIn < -7 && (dueIn < -45 || rnd.chance(0.6))) {
      clock.daysAgo(-dueIn, rnd.int(9, 17));
      await services.nextSteps.setDone(owner, step.id, true);
    }
  }
}
