import type { Language } from '../../common/enums.js';
import { LoyaltyTierCreateSchema, type LoyaltyTierCreate } from '../../common/schemas/loyalty.js';
import type { Services } from '../composition.js';
import type { DemoAccount } from './demo.accounts.js';
import type { DemoClock } from './demo.clock.js';
import type { DemoPeople } from './demo.people.js';

/** Paid in the trailing 12 months, per currency (never converted), in major units. */
const paid = (eur: number, usd: number, rub: number) => [
  { currency: 'EUR', amountMinor: eur * 100 },
  { currency: 'USD', amountMinor: usd * 100 },
  { currency: 'RUB', amountMinor: rub * 100 },
];

/** The programme: active clients who pay reach Silver, those who pay on time and are happy Gold, the best of them Platinum. */
export const DEMO_TIERS: LoyaltyTierCreate[] = [
  {
    name: 'Silver',
    rank: 1,
    // An open critical claim costs the higher tiers only.
    rules: { minTenureMonths: 3, minPaidRevenue: paid(5_000, 5_000, 500_000), openCriticalClaimsDisqualify: false },
    benefits: { discountPercent: 3, freeHoursPerQuarter: 2 },
  },
  {
    name: 'Gold',
    rank: 2,
    rules: { minTenureMonths: 6, minPaidRevenue: paid(10_000, 10_000, 1_000_000), minOnTimePercent: 50, minNps: 7 },
    benefits: { discountPercent: 5, freeHoursPerQuarter: 4, claimDeadlinePercent: 75 },
  },
  {
    name: 'Platinum',
    rank: 3,
    rules: {
      minTenureMonths: 9,
      minPaidRevenue: paid(15_000, 12_000, 1_300_000),
      minOnTimePercent: 70,
      minNps: 8,
      requiresBackupManager: true,
    },
    benefits: { discountPercent: 10, freeHoursPerQuarter: 8, claimDeadlinePercent: 50, namedBackupManager: true },
  },
];

/** The nightly evaluations the demo replays: four months ago, two months ago and yesterday (today's is left to run). */
export const DEMO_EVALUATION_DAYS = [120, 60, 1];

/**
 * Loyalty tiers and their history: the admin sets up Silver, Gold and Platinum, a manager marks two
 * referrals, and the evaluation runs on the demo clock on past days, so accounts climb as they pay
 * and the best-placed one drops to Silver over a critical claim left open — each move with the rules
 * that made it.
 * Through the services, as an admin would.
 */
export async function seedLoyalty(services: Services, people: DemoPeople, accounts: DemoAccount[], clock: DemoClock) {
  const first = DEMO_EVALUATION_DAYS[0];
  clock.daysAgo(first + 10);
  for (const tier of DEMO_TIERS) await services.loyaltyTiers.create(people.admin, LoyaltyTierCreateSchema.parse(tier));
  const active = accounts.filter((a) => a.status === 'active');
  // The first client brought two others; their owner records it.
  for (const referred of [active[3], active[5]]) {
    await services.loyaltyStandings.setReferral(people.managers[referred.ownerIndex], referred.id, active[0].id);
  }
  for (const days of DEMO_EVALUATION_DAYS) {
    if (days === DEMO_EVALUATION_DAYS.at(-1)) await openCriticalClaim(services, people, active, clock);
    clock.daysAgo(days, 2);
    await services.loyaltyEvaluation.evaluateNow(people.admin);
  }
  clock.daysAgo(null);
}

/** Last week the best-placed client raised a critical claim, still open: at the next evaluation it drops to Silver. */
async function openCriticalClaim(services: Services, people: DemoPeople, active: DemoAccount[], clock: DemoClock) {
  const standings = await Promise.all(active.map((a) => services.loyaltyStandings.get(people.admin, a.id)));
  const best = standings.reduce((top, s) => ((s.tier?.rank ?? 0) > (top.tier?.rank ?? 0) ? s : top));
  const account = active.find((a) => a.id === best.accountId)!;
  clock.daysAgo(7, 11);
  await services.claims.create(people.managers[account.ownerIndex], {
    accountId: account.id,
    category: 'quality',
    severity: 'critical',
    description: CLAIM_TEXT[account.language],
  });
}

const CLAIM_TEXT: Record<Language, string> = {
  en: 'The checkout page has been failing for a day: orders are lost',
  ru: 'Страница оформления заказа не работает уже сутки: заказы теряются',
};
