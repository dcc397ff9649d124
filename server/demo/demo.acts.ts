import { AppError } from '../lib/errors.js';
import type { Services } from '../composition.js';
import type { DemoAccount } from './demo.accounts.js';
import type { DemoClock } from './demo.clock.js';
import type { DemoPeople } from './demo.people.js';

/**
 * Draft acts of completed work for the first clients' projects (the two with portal logins
 * among them), made from the year's delivered work exactly as a manager would: each waits to
 * be sent, signed in the portal and invoiced. Drafts only, so seeding renders no PDF.
 */
export async function seedActs(services: Services, people: DemoPeople, accounts: DemoAccount[], clock: DemoClock): Promise<number> {
  let made = 0;
  for (const account of accounts.slice(0, 6)) {
    const owner = people.managers[account.ownerIndex];
    const projects = await services.projects.list(owner, { accountId: account.id, limit: 50 });
    for (const project of projects.items) {
      try {
        await services.acts.create(owner, project.id, { from: clock.date(-365), to: clock.date(0) });
        made += 1;
      } catch (err) {
        // A project with nothing delivered yet has no act: that is the rule, not a failure.
        if (!(err instanceof AppError && err.status === 409)) throw err;
      }
    }
  }
  return made;
}
