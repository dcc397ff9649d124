import type { Services } from '../composition.js';
import type { Database } from '../db/database.js';
import type { DemoAccount } from './demo.accounts.js';
import type { DemoClock } from './demo.clock.js';
import type { DemoPeople } from './demo.people.js';
import { surveyDesk } from './demo.surveys.js';

/** How many nightly snapshots the demo starts with: two weeks, so a fall within a week shows. */
const DAYS = 14;

/**
 * A good client's bad week, for the health drop on its owner's Today: the launch broke its
 * booking form, the client's project lead (asked last, so not lately surveyed) rated the work 1 of 5 three days ago, and yesterday morning
 * opened a critical claim from the portal that nobody has answered yet.
 */
export async function seedSouredWeek(db: Database, people: DemoPeople, accounts: DemoAccount[], clock: DemoClock) {
  const account = accounts.find((a) => a.name === 'Meridian Travel')!;
  const owner = people.managers[account.ownerIndex];
  const project = await db
    .selectFrom('projects')
    .select('id')
    .where('account_id', '=', account.id)
    .orderBy('created_at', 'desc')
    .executeTakeFirstOrThrow();
  const { services, ask } = surveyDesk(db, clock);
  clock.daysAgo(4, 10);
  const { token } = await ask(owner, account, 'csat', project.id, account.contactIds.at(-1));
  clock.daysAgo(3, 16);
  await services.surveyAnswers.answerByLink(token, { score: 1, comment: 'The new booking form loses our customers’ orders' }, '127.0.0.1');
  clock.daysAgo(1, 8);
  const claim = {
    category: 'quality',
    severity: 'critical' as const,
    description: 'Since the launch the booking form drops orders at payment; we are losing sales every day.',
  };
  await db.transaction().execute((t) => services.claims.register(t, null, account.id, claim, 'portal'));
  clock.daysAgo(null);
}

/**
 * Two weeks of nightly health snapshots, each taken by the snapshot job as of its night, then
 * today's: what went wrong lately shows as a fall on Today.
 */
export async function seedHealthHistory(services: Services, clock: DemoClock): Promise<void> {
  for (let days = DAYS; days >= 1; days--) {
    clock.daysAgo(days, 23);
    await services.healthSnapshots.runOn(clock.date(-days));
  }
  clock.daysAgo(null);
  await services.healthSnapshots.runOn(clock.date(0));
}
