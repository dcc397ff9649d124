import type { Kysely } from 'kysely';
import type { AccountStatus } from '../../../common/enums.js';
import type { DB } from '../../db/schema.js';
import { addDays } from '../../lib/dates.js';
import type { PaymentHealthFacts } from '../billing/index.js';
import type { ClaimHealthFacts } from '../claims/index.js';
import type { DealHealthFacts } from '../deals/index.js';
import type { LoyaltyHealthFacts } from '../loyalty/index.js';
import type { NextStepHealthFacts } from '../next-steps/index.js';
import type { MilestoneHealthFacts } from '../plans/index.js';
import type { SatisfactionHealthFacts } from '../surveys/index.js';
import type { TaskHealthFacts } from '../tasks/index.js';
import type { AccountFacts } from './health.rules.js';

type ByAccount<F, A extends unknown[]> = { byAccount(t: Kysely<DB>, accountId: string | null, ...args: A): Promise<Map<string, F>> };

/** What health reads of the other modules, each through its face: one account, or every account at once (null). */
export interface HealthSources {
  paymentHealth: ByAccount<PaymentHealthFacts, [today: string]>;
  satisfactionHealth: ByAccount<SatisfactionHealthFacts, [asOf: string]>;
  claimHealth: ByAccount<ClaimHealthFacts, [since: string, now: string]>;
  taskHealth: ByAccount<TaskHealthFacts, [today: string]>;
  milestoneHealth: ByAccount<MilestoneHealthFacts, [today: string]>;
  nextStepHealth: ByAccount<NextStepHealthFacts, [today: string]>;
  dealHealth: ByAccount<DealHealthFacts, [since: string]>;
  loyaltyHealth: ByAccount<LoyaltyHealthFacts, [since: string]>;
  contactHealth: {
    lastContact(t: Kysely<DB>, accountId: string | null, now: string): Promise<Map<string, string>>;
    cadence(): Promise<Record<AccountStatus, number | null>>;
  };
}

/** Deals closed and claims registered this long ago still count; tier moves count for half of it. */
const YEAR = 365;
const TIER_MOVE_DAYS = 180;

/**
 * The facts of the accounts (one, or all with `accountId` null) on `today`: one statement or
 * two per source, whatever the number of accounts, folded per account. The cadence is read
 * beforehand: it comes from the settings cache, which reads outside any transaction.
 */
export async function gatherFacts(
  t: Kysely<DB>,
  sources: HealthSources,
  accounts: { id: string; status: AccountStatus }[],
  accountId: string | null,
  day: { today: string; now: string; cadence: Record<AccountStatus, number | null> },
): Promise<Map<string, AccountFacts>> {
  const { today, now, cadence } = day;
  const yearAgo = addDays(today, -YEAR);
  const [payment, satisfaction, claims, tasks, milestones, nextSteps, deals, loyalty, contacts] = await Promise.all([
    sources.paymentHealth.byAccount(t, accountId, today),
    sources.satisfactionHealth.byAccount(t, accountId, now),
    sources.claimHealth.byAccount(t, accountId, `${yearAgo}T00:00:00.000Z`, now),
    sources.taskHealth.byAccount(t, accountId, today),
    sources.milestoneHealth.byAccount(t, accountId, today),
    sources.nextStepHealth.byAccount(t, accountId, today),
    sources.dealHealth.byAccount(t, accountId, `${yearAgo}T00:00:00.000Z`),
    sources.loyaltyHealth.byAccount(t, accountId, `${addDays(today, -TIER_MOVE_DAYS)}T00:00:00.000Z`),
    sources.contactHealth.lastContact(t, accountId, now),
  ]);
  return new Map(
    accounts.map((a) => [
      a.id,
      {
        status: a.status,
        cadence: cadence[a.status],
        today,
        payment: payment.get(a.id),
        satisfaction: satisfaction.get(a.id),
        claims: claims.get(a.id),
        tasks: tasks.get(a.id),
        milestones: milestones.get(a.id),
        nextSteps: nextSteps.get(a.id),
        deals: deals.get(a.id),
        loyalty: loyalty.get(a.id),
        lastContact: contacts.get(a.id),
      },
    ]),
  );
}
