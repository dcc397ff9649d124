import type { Services } from '../composition.js';
import type { DemoAccount } from './demo.accounts.js';
import type { DemoClock } from './demo.clock.js';
import type { DemoPeople } from './demo.people.js';

/** How far back one period of each schedule reaches, in days. */
const PERIOD_DAYS = { weekly: 7, monthly: 31 } as const;
/** The reports sent before the current period's, so the schedule still sends that one itself. */
const PAST_REPORTS = 2;

/**
 * The last reports the portal clients' scheduled projects were sent, made as of their days: the
 * portal shows the client documents on any day of the week, not only in the days after the
 * schedule's own run. The current period is left to the schedule, which would otherwise send it twice.
 */
export async function seedStatusReports(services: Services, people: DemoPeople, portalAccounts: DemoAccount[], clock: DemoClock) {
  for (const account of portalAccounts) {
    const owner = people.managers[account.ownerIndex];
    const projects = await services.projects.list(owner, { accountId: account.id, limit: 50 });
    for (const project of projects.items) {
      if (project.reportSchedule === 'none') continue;
      for (let k = PAST_REPORTS; k >= 1; k--) {
        const daysAgo = PERIOD_DAYS[project.reportSchedule] * k;
        // Not for the time before the project began: a report of nothing is not a demo.
        if (!project.startDate || clock.date(-daysAgo) <= project.startDate) continue;
        clock.daysAgo(daysAgo, project.reportHour);
        await services.statusReports.create(owner, project.id, {});
      }
    }
  }
  clock.daysAgo(null);
}
