import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema.js';
import type { AccountService } from '../accounts/index.js';
import type { Actor } from '../access/index.js';
import type { OutboxService } from '../email/index.js';
import { loyaltyAgenda } from './loyalty.agenda.js';
import { defineModule, type ModuleContext } from '../module.js';
import type { AgencyCalendar, SettingsService } from '../settings/index.js';
import type { TimelineLog } from '../timeline/index.js';
import type { UserService } from '../users/index.js';
import { LoyaltyEvaluation, type LoyaltySources } from './loyalty.evaluation.js';
import { loyaltyJobs } from './loyalty.jobs.js';
import { LoyaltyNotices } from './loyalty.notices.js';
import { LoyaltyRepository } from './loyalty.repository.js';
import { loyaltyRoutes } from './loyalty.routes.js';
import { LoyaltySettingsService } from './loyalty.settings.js';
import { LoyaltyStandings } from './loyalty.standing.js';
import { LoyaltyTierService } from './loyalty.tiers.js';
import { loyaltyHealthByAccount } from './loyalty.health.js';
export type { LoyaltyHealthFacts } from './loyalty.health.js';

export type { LoyaltyEvaluation, LoyaltySources } from './loyalty.evaluation.js';
export type { LoyaltyStandings } from './loyalty.standing.js';
export type { LoyaltyTierService } from './loyalty.tiers.js';
export { LOYALTY_EVALUATION_JOB } from './loyalty.jobs.js';
export { DEFAULT_LOYALTY_SETTINGS } from './loyalty.settings.js';

interface LoyaltyDeps extends LoyaltySources {
  settings: SettingsService;
  calendar: AgencyCalendar;
  accounts: AccountService;
  users: UserService;
  outbox: OutboxService;
  timeline: TimelineLog;
}

/**
 * Loyalty programmes: tiers with rules and benefits, the nightly evaluation (and an admin's
 * "evaluate now", once a day) that moves accounts with a history saying why, the downgrade-risk
 * flag, and referrals. Its face gives other modules the benefits to apply: `discountOf` (proposals
 * and invoices add a discount line) and `deadlineShareOf` (claims shorten their deadlines), and
 * `atRisk` for the Today agenda.
 */
export function createLoyaltyModule(ctx: ModuleContext, deps: LoyaltyDeps, opts: { publicUrl?: string } = {}) {
  const repo = new LoyaltyRepository(ctx.db);
  const loyaltySettings = new LoyaltySettingsService(ctx.db, deps.settings, ctx.clock);
  const loyaltyTiers = new LoyaltyTierService(ctx.db, ctx.clock, repo);
  const notices = new LoyaltyNotices(deps.users, deps.outbox, deps.timeline, opts.publicUrl);
  const loyaltyEvaluation = new LoyaltyEvaluation(ctx.db, ctx.clock, deps.calendar, repo, loyaltySettings, deps, notices);
  const loyaltyStandings = new LoyaltyStandings(ctx.db, ctx.clock, repo, deps.accounts, deps.users);
  return defineModule({
    loyaltyTiers,
    loyaltyEvaluation,
    loyaltyStandings,
    loyaltySettings,
    /** The tier held and its latest move, of one account or all (account health). */
    loyaltyHealth: { byAccount: loyaltyHealthByAccount },
    loyalty: {
      /** The held tier's discount and its line's wording in the account's language (proposals, invoices). */
      discountOf: (t: Kysely<DB>, accountId: string) => loyaltyStandings.discountOf(t, accountId),
      /** The held tier's percent of the normal claim deadlines, or null (claims). */
      deadlineShareOf: (t: Kysely<DB>, accountId: string) => loyaltyStandings.deadlineShareOf(t, accountId),
      /** Accounts within 10 % of losing their tier as of the last evaluation (on or before `asOf`), those `actor` reads (all for null). */
      atRisk: (_asOf: string, actor: Actor | null = null) => loyaltyStandings.atRisk(actor),
    },
    routes: loyaltyRoutes(loyaltyTiers, loyaltyEvaluation, loyaltyStandings, loyaltySettings),
    jobs: loyaltyJobs(loyaltyEvaluation, deps.calendar),
    timelineEvents: ['loyalty_tier_changed'],
    agenda: [loyaltyAgenda(ctx.db)],
  });
}
