import { openDatabase } from '../server/db/database.js';
import { composeServices } from '../server/composition.js';
import { discardingMailer } from '../server/modules/email/index.js';
import type { FollowUpCounts } from '../server/modules/follow-ups/index.js';
import { table } from './report.js';
import type { Seeded } from './seed.js';
import type { Location } from './target.js';

const GOAL_SECONDS = 60;

/**
 * One daily overdue + follow-up run for `date` (what the billing.follow_ups job runs), over the
 * seeded invoices: every level reached before that date is already recorded, so the run
 * fires what falls due that day, as it would in production.
 */
export async function timeFollowUps(location: Location, date: string): Promise<{ seconds: number; counts: FollowUpCounts }> {
  const { db } = openDatabase(location);
  try {
    const now = new Date(`${date}T09:00:00.000Z`);
    const services = composeServices(db, { now: () => new Date(now) }, { mailer: discardingMailer('liaison.bench') });
    const started = performance.now();
    const counts = await services.followUps.runForDate(date);
    return { seconds: (performance.now() - started) / 1000, counts };
  } finally {
    await db.destroy();
  }
}

export function printFollowUps({ seconds, counts }: Awaited<ReturnType<typeof timeFollowUps>>, seeded: Seeded) {
  const b = seeded.billing;
  console.log(
    `\ndaily follow-up run on ${seeded.today} over ${b.invoices} invoices (${b.open} open, ${b.payments} payments, ${b.followUps} earlier follow-ups)`,
  );
  table(
    ['job', 'seconds', `goal < ${GOAL_SECONDS} s`, 'invoices', 'emails', 'sent', 'calls', 'alerts', 'stop work'],
    [
      [
        'billing.follow_ups',
        seconds.toFixed(1),
        seconds < GOAL_SECONDS ? 'ok' : 'over',
        ...[counts.invoices, counts.emails, counts.emailsSent, counts.callTasks, counts.alerts, counts.stopWork].map(String),
      ],
    ],
  );
}
