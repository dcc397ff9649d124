import type { Services } from '../composition.js';
import type { DemoClock } from './demo.clock.js';
import type { DemoPeople } from './demo.people.js';

const WHAT: Record<'effective' | 'failed' | 'followUp' | 'open' | 'cause', string> = {
  effective: 'Add a phone and tablet check to the release checklist; a second person signs it off',
  failed: 'Send the client a written summary after every call',
  followUp: 'Agree a weekly status call with the client’s decision maker and keep its minutes in the project',
  open: 'Estimate work of this kind with two people and compare before sending the plan',
  cause: 'A review step before every delivery, for every team',
};

/**
 * Corrective actions on each manager's older claims, opened a few days after the claim was
 * resolved: two checked effective months later, one still open; the first manager's second one
 * was found not effective and goes on as its follow-up. An admin's action covers a root cause
 * across claims. Runs after the surveys, so each check's figures include their answers.
 */
export async function seedCorrectiveActions(services: Services, people: DemoPeople, clock: DemoClock) {
  const { correctiveActions } = services;
  clock.daysAgo(null);
  const today = clock.now().getTime();
  const ageOf = (iso: string) => Math.round((today - Date.parse(iso)) / 86_400_000);
  for (const [m, manager] of people.managers.entries()) {
    const claims = (await services.claims.list(manager, { limit: 200 })).items
      .filter((c) => c.ownerId === manager.id && c.status === 'closed' && c.rootCause)
      .sort((a, b) => a.createdAt.localeCompare(b.createdAt));
    const open = async (claimId: string, what: string, days: number, dueIn: number, checkIn: number) => {
      clock.daysAgo(days, 11);
      const plan = { what, ownerId: manager.id, dueOn: clock.date(-days + dueIn), checkOn: clock.date(-days + checkIn) };
      return correctiveActions.create(manager, { ...plan, claimId });
    };
    const [oldest, older, old, recent] = claims;
    for (const claim of [oldest, old].filter(Boolean)) {
      const days = ageOf(claim.createdAt) - 10;
      const action = await open(claim.id, WHAT.effective, days, 14, 70);
      clock.daysAgo(days - 70, 15);
      await correctiveActions.check(manager, action.id, {
        result: 'effective',
        note: 'No repeat since; the client noticed',
        sameAccount: false,
      });
    }
    if (m === 0 && older) {
      const days = ageOf(older.createdAt) - 10;
      const action = await open(older.id, WHAT.failed, days, 7, 60);
      clock.daysAgo(days - 60, 15);
      const followUp = { what: WHAT.followUp, ownerId: manager.id, dueOn: clock.date(-(days - 60) + 14), checkOn: clock.date(30) };
      await correctiveActions.check(manager, action.id, {
        result: 'not_effective',
        note: 'The same complaint came back twice: summaries were sent but not read',
        sameAccount: false,
        followUp,
      });
    }
    if (recent) await open(recent.id, WHAT.open, 30, 20, 90);
  }
  clock.daysAgo(20, 10);
  const cause = { rootCause: 'no_review', what: WHAT.cause, ownerId: people.admin.id, dueOn: clock.date(10), checkOn: clock.date(100) };
  await correctiveActions.create(people.admin, cause);
  clock.daysAgo(null);
}
