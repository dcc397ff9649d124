import type { Insertable, Kysely } from 'kysely';
import type { LoyaltyRun, ReferralReward } from '../../../common/schemas/loyalty.js';
import type { Database } from '../../db/database.js';
import type { DB } from '../../db/schema.js';
import type { LoyaltyMovesTable, LoyaltyStandingsTable } from '../../db/tables/loyalty.js';
import type { Clock } from '../../lib/clock.js';
import { newId } from '../../lib/ids.js';
import { assertAdmin, type Actor } from '../access/index.js';
import type { PaymentRecord } from '../billing/index.js';
import type { AgencyCalendar } from '../settings/index.js';
import type { LoyaltyNotices, MoveNotice } from './loyalty.notices.js';
import { tierOf } from './loyalty.presenter.js';
import type { LoyaltyRepository } from './loyalty.repository.js';
import { judge, monthsBetween, moveChecks, percentOf, type AccountFacts, type Tier } from './loyalty.rules.js';
import type { LoyaltySettingsService } from './loyalty.settings.js';

/** What the evaluation reads of other modules, every account at once. */
export interface LoyaltySources {
  paymentRecord: PaymentRecord;
  latestNps: { byAccount(t: Kysely<DB>, asOf: string): Promise<Map<string, number>> };
  openCriticalClaims: { byAccount(t: Kysely<DB>): Promise<Map<string, number>> };
}

type Summary = Pick<LoyaltyRun, 'evaluated' | 'upgrades' | 'downgrades' | 'atRisk' | 'rewards'>;
const EMPTY: Summary = { evaluated: 0, upgrades: 0, downgrades: 0, atRisk: 0, rewards: 0 };

/** The same calendar day a year earlier (29 February falls back to the 28th). */
export const yearBefore = (date: string) => {
  const back = `${Number(date.slice(0, 4)) - 1}${date.slice(4)}`;
  return back.endsWith('-02-29') ? back.replace(/-29$/, '-28') : back;
};

/**
 * The evaluation: once per agency day (the nightly job, or an admin's "evaluate now"; a second
 * call the same day answers the day's run), every active client is judged against the tiers from
 * a handful of GROUP BY statements, standings are rewritten, moves recorded with their reasons
 * and told to the owners, and referral rewards recorded — all in one transaction.
 */
export class LoyaltyEvaluation {
  constructor(
    private readonly db: Database,
    private readonly clock: Clock,
    private readonly calendar: AgencyCalendar,
    private readonly repo: LoyaltyRepository,
    private readonly settings: LoyaltySettingsService,
    private readonly sources: LoyaltySources,
    private readonly notices: LoyaltyNotices,
  ) {}

  /** An admin's "evaluate now": today's run, made now unless it was already. */
  async evaluateNow(actor: Actor): Promise<LoyaltyRun> {
    assertAdmin(actor);
    return this.runOn(await this.calendar.today(), actor.id);
  }

  /** Whether the programme has any tier to judge accounts against. */
  async hasTiers(): Promise<boolean> {
    return (await this.repo.tiers(this.db)).length > 0;
  }

  /** The run of the day, made once: the unique day claims it in the run's own transaction. */
  async runOn(runDate: string, byId: string | null): Promise<LoyaltyRun> {
    const done = await this.repo.run(this.db, runDate);
    if (done) return presentRun(done, true);
    return this.db.transaction().execute(async (t) => {
      const id = newId();
      const at = this.clock.now().toISOString();
      if (!(await this.repo.claimRun(t, { id, run_date: runDate, started_at: at, started_by: byId }))) {
        return presentRun((await this.repo.run(t, runDate))!, true);
      }
      const summary = await this.evaluateAll(t, id, runDate, at);
      await this.repo.finishRun(t, id, summary);
      return { id, runDate, startedAt: at, ...summary, repeated: false };
    });
  }

  private async evaluateAll(t: Kysely<DB>, runId: string, runDate: string, at: string): Promise<Summary> {
    const tiers = (await this.repo.tiers(t)).map(tierOf);
    const byId = new Map(tiers.map((x) => [x.id, x]));
    const candidates = await this.repo.candidates(t);
    const facts = await this.facts(t, runDate, at);
    const summary = { ...EMPTY, evaluated: candidates.length };
    const standings: Insertable<LoyaltyStandingsTable>[] = [];
    const moves: Insertable<LoyaltyMovesTable>[] = [];
    const notices: MoveNotice[] = [];
    for (const c of candidates) {
      const f = facts({ id: c.id, active: c.status === 'active', clientSince: c.client_since, hasBackup: c.backup_owner_id !== null });
      const verdict = judge(tiers, f);
      const held: Tier | null = (c.tier_id && byId.get(c.tier_id)) || null;
      const moved = (verdict.tier?.id ?? null) !== (c.tier_id ?? null);
      if (verdict.atRisk) summary.atRisk += 1;
      standings.push({
        account_id: c.id,
        tier_id: verdict.tier?.id ?? null,
        since: moved ? (verdict.tier ? at : null) : c.since,
        at_risk: verdict.atRisk ? 1 : 0,
        checks: JSON.stringify(verdict.checks),
        evaluated_at: at,
        run_id: runId,
      });
      if (!moved) continue;
      const direction = !held || (verdict.tier && verdict.tier.rank > held.rank) ? 'upgrade' : 'downgrade';
      summary[direction === 'upgrade' ? 'upgrades' : 'downgrades'] += 1;
      const checks = moveChecks(held, verdict, f);
      const move = { from: held?.name ?? null, to: verdict.tier?.name ?? null, direction, checks } as const;
      moves.push({
        id: newId(),
        account_id: c.id,
        run_id: runId,
        at,
        from_tier_id: held?.id ?? null,
        to_tier_id: verdict.tier?.id ?? null,
        from_name: move.from,
        to_name: move.to,
        direction,
        checks: JSON.stringify(checks),
      });
      notices.push({ accountId: c.id, accountName: c.name, ownerId: c.owner_id, ...move });
    }
    await this.repo.saveStandings(t, standings);
    await this.repo.insertMoves(t, moves);
    await this.notices.tell(t, runId, runDate, at, notices);
    summary.rewards = await this.rewardReferrals(t, at);
    return summary;
  }

  /** Every account's figures from four set-based reads; the answer builds one account's facts. */
  private async facts(t: Kysely<DB>, runDate: string, at: string) {
    const from = yearBefore(runDate);
    const paid = new Map<string, Map<string, number>>();
    for (const p of await this.sources.paymentRecord.paidRevenue(t, from, runDate)) {
      paid.set(p.accountId, (paid.get(p.accountId) ?? new Map<string, number>()).set(p.currency, p.paidMinor));
    }
    const punctuality = new Map((await this.sources.paymentRecord.punctuality(t, from, runDate)).map((p) => [p.accountId, p]));
    const nps = await this.sources.latestNps.byAccount(t, at);
    const critical = await this.sources.openCriticalClaims.byAccount(t);
    return (a: { id: string; active: boolean; clientSince: string | null; hasBackup: boolean }): AccountFacts => {
      const p = punctuality.get(a.id);
      return {
        accountId: a.id,
        active: a.active,
        tenureMonths: a.clientSince ? monthsBetween(a.clientSince, runDate) : null,
        paid: paid.get(a.id) ?? new Map<string, number>(),
        onTimePercent: p ? percentOf(p.onTime, p.due) : null,
        nps: nps.get(a.id) ?? null,
        openCriticalClaims: critical.get(a.id) ?? 0,
        hasBackupManager: a.hasBackup,
      };
    };
  }

  /**
   * A referral's reward is recorded once, at the first evaluation after the referred account's
   * first recorded payment: the settings' percent, or the fixed amount in the referrer's currency
   * (the first amount listed when the settings name none in it).
   */
  private async rewardReferrals(t: Kysely<DB>, at: string): Promise<number> {
    const due = await this.repo.unrewarded(t);
    if (!due.length) return 0;
    const firstPaid = await this.sources.paymentRecord.firstPayments(
      t,
      due.map((d) => d.account_id),
    );
    const { referralReward: rule } = await this.settings.load(t);
    let rewarded = 0;
    for (const d of due) {
      const firstPaidOn = firstPaid.get(d.account_id);
      if (!firstPaidOn) continue;
      const amount = rule.kind === 'fixed' ? (rule.amounts.find((a) => a.currency === d.referrer_currency) ?? rule.amounts[0]) : null;
      const reward: ReferralReward = {
        kind: rule.kind,
        percent: rule.kind === 'percent' ? rule.percent : null,
        amountMinor: amount?.amountMinor ?? null,
        currency: amount?.currency ?? null,
        firstPaidOn,
      };
      await this.repo.reward(t, d.account_id, at, reward);
      rewarded += 1;
    }
    return rewarded;
  }
}

function presentRun(r: { id: string; run_date: string; started_at: string; summary: string }, repeated: boolean): LoyaltyRun {
  return { ...EMPTY, ...(JSON.parse(r.summary) as Partial<Summary>), id: r.id, runDate: r.run_date, startedAt: r.started_at, repeated };
}
