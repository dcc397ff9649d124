import type { AccountStatus } from '../../../common/enums.js';
import { HEALTH_COMPONENTS, type HealthComponent, type HealthGrade, type HealthSettings } from '../../../common/schemas/health.js';
import type { MessageCode, MessageParams } from '../../../common/messages/index.js';
import type { PaymentHealthFacts } from '../billing/index.js';
import type { ClaimHealthFacts } from '../claims/index.js';
import type { DealHealthFacts } from '../deals/index.js';
import type { LoyaltyHealthFacts } from '../loyalty/index.js';
import type { NextStepHealthFacts } from '../next-steps/index.js';
import type { MilestoneHealthFacts } from '../plans/index.js';
import type { SatisfactionHealthFacts, ScoredAnswer } from '../surveys/index.js';
import type { TaskHealthFacts } from '../tasks/index.js';
import { daysBetween } from '../../lib/dates.js';

/** A fact as a message code and its parameters, worded for each reader later. */
export type Fact = [MessageCode, MessageParams];

/** What the other modules know of one account, on one day. */
export interface AccountFacts {
  status: AccountStatus;
  /** The days without contact the account's status expects, null for none. */
  cadence: number | null;
  today: string;
  payment?: PaymentHealthFacts;
  satisfaction?: SatisfactionHealthFacts;
  claims?: ClaimHealthFacts;
  tasks?: TaskHealthFacts;
  milestones?: MilestoneHealthFacts;
  lastContact?: string;
  nextSteps?: NextStepHealthFacts;
  deals?: DealHealthFacts;
  loyalty?: LoyaltyHealthFacts;
}

/** One component's verdict: null score when it has no data (it then does not count). */
export interface ComponentVerdict {
  component: HealthComponent;
  score: number | null;
  facts: Fact[];
}

export interface HealthVerdict {
  score: number | null;
  grade: HealthGrade | null;
  components: ComponentVerdict[];
}

const clamp = (v: number) => Math.max(0, Math.min(100, Math.round(v)));
const capped = (count: number, each: number, cap: number) => Math.min(cap, count * each);

/** Late payment costs 3 points a day on average (at most 60); overdue money up to 40, against the credit limit when there is one. */
export function paymentVerdict(p: PaymentHealthFacts | undefined): Omit<ComponentVerdict, 'component'> {
  if (!p || (p.dueInWindow === 0 && p.overdueCount === 0)) return { score: null, facts: [['health.fact.no_invoices', {}]] };
  const facts: Fact[] = [];
  let score = 100;
  if (p.dueInWindow > 0) {
    score -= Math.min(60, p.averageDaysLate * 3);
    facts.push(
      p.averageDaysLate > 0
        ? ['health.fact.days_late', { days: p.averageDaysLate }]
        : ['health.fact.paid_on_time', { count: p.dueInWindow }],
    );
  }
  if (p.overdueCount > 0) {
    const base = { count: p.overdueCount, amount: p.overdueMinor, currency: p.currency };
    if (p.creditLimitMinor) {
      const percent = Math.round((p.overdueMinor / p.creditLimitMinor) * 100);
      score -= Math.min(40, percent * 0.4 + 5);
      facts.push(['health.fact.overdue_vs_limit', { ...base, percent, limit: p.creditLimitMinor }]);
    } else {
      score -= capped(p.overdueCount, 15, 40);
      facts.push(['health.fact.overdue', base]);
    }
  }
  return { score: clamp(score), facts };
}

const npsFact = (a: ScoredAnswer): Fact => [
  a.score >= 9 ? 'health.fact.nps_promoter' : a.score >= 7 ? 'health.fact.nps_passive' : 'health.fact.nps_detractor',
  { score: a.score, on: a.answeredAt.slice(0, 10) },
];

/**
 * The mean of the latest NPS (×10) and CSAT (1–5 spread over 0–100), less 10 points for each that
 * fell since the answer before. The weaker of the two is worded first: it is why the score is low.
 */
export function satisfactionVerdict(s: SatisfactionHealthFacts | undefined): Omit<ComponentVerdict, 'component'> {
  const [nps, npsBefore] = s?.nps ?? [];
  const [csat, csatBefore] = s?.csat ?? [];
  if (!nps && !csat) return { score: null, facts: [['health.fact.no_surveys', {}]] };
  const trend = (kind: string, now: ScoredAnswer, before: ScoredAnswer | undefined): Fact[] =>
    !before || before.score === now.score
      ? []
      : [
          [
            now.score < before.score ? 'health.fact.score_fell' : 'health.fact.score_rose',
            { kind, previous: before.score, score: now.score },
          ],
        ];
  const fell = (now: ScoredAnswer, before: ScoredAnswer | undefined) => (before && now.score < before.score ? 10 : 0);
  const parts: { points: number; penalty: number; facts: Fact[] }[] = [];
  if (nps) parts.push({ points: nps.score * 10, penalty: fell(nps, npsBefore), facts: [npsFact(nps), ...trend('NPS', nps, npsBefore)] });
  if (csat)
    parts.push({
      points: (csat.score - 1) * 25,
      penalty: fell(csat, csatBefore),
      facts: [['health.fact.csat', { score: csat.score, on: csat.answeredAt.slice(0, 10) }], ...trend('CSAT', csat, csatBefore)],
    });
  parts.sort((a, b) => a.points - a.penalty - (b.points - b.penalty));
  const mean = parts.reduce((n, p) => n + p.points, 0) / parts.length;
  return { score: clamp(mean - parts.reduce((n, p) => n + p.penalty, 0)), facts: parts.flatMap((p) => p.facts) };
}

const SEVERITY_COST = { low: 5, medium: 10, high: 20, critical: 35 } as const;

/** Each open claim costs by its severity, each missed deadline 20 points. */
export function claimsVerdict(c: ClaimHealthFacts | undefined): Omit<ComponentVerdict, 'component'> {
  if (!c || c.counted === 0) return { score: null, facts: [['health.fact.no_claims', {}]] };
  const severities = (['critical', 'high', 'medium', 'low'] as const).filter((s) => c.open[s] > 0);
  const open = severities.reduce((n, s) => n + c.open[s], 0);
  const facts: Fact[] = [
    open > 0
      ? ['health.fact.claims_open', { count: open, severity: severities[0] }]
      : ['health.fact.claims_none_open', { count: c.counted }],
  ];
  if (c.breached > 0) facts.push(['health.fact.claims_breached', { count: c.breached }]);
  const cost = severities.reduce((n, s) => n + c.open[s] * SEVERITY_COST[s], 0) + c.breached * 20;
  return { score: clamp(100 - cost), facts };
}

/** Late tasks cost 10 points each (at most 50), blocked ones 10 (at most 30), late milestones 20 (at most 60). */
export function deliveryVerdict(t: TaskHealthFacts | undefined, m: MilestoneHealthFacts | undefined): Omit<ComponentVerdict, 'component'> {
  const tasks = t ?? { open: 0, late: 0, blocked: 0 };
  const milestones = m ?? { open: 0, late: 0 };
  if (tasks.open === 0 && milestones.open === 0) return { score: null, facts: [['health.fact.no_work', {}]] };
  const facts: Fact[] = [];
  if (tasks.late > 0) facts.push(['health.fact.tasks_late', { count: tasks.late, open: tasks.open }]);
  if (tasks.blocked > 0) facts.push(['health.fact.tasks_blocked', { count: tasks.blocked }]);
  if (milestones.late > 0) facts.push(['health.fact.milestones_late', { count: milestones.late, open: milestones.open }]);
  if (facts.length === 0) facts.push(['health.fact.work_on_track', { tasks: tasks.open, milestones: milestones.open }]);
  const cost = capped(tasks.late, 10, 50) + capped(tasks.blocked, 10, 30) + capped(milestones.late, 20, 60);
  return { score: clamp(100 - cost), facts };
}

/** Full marks within the cadence, then down to 0 at twice it (or 30 points per never-contacted account); 15 points an overdue next step (at most 45). */
export function engagementVerdict(f: AccountFacts): Omit<ComponentVerdict, 'component'> {
  const steps = f.nextSteps ?? { open: 0, overdue: 0 };
  if (!f.lastContact && steps.open === 0) return { score: null, facts: [['health.fact.no_engagement', {}]] };
  const facts: Fact[] = [];
  let score = 100;
  if (f.lastContact) {
    const days = Math.max(0, daysBetween(f.lastContact.slice(0, 10), f.today));
    if (f.cadence === null) facts.push(['health.fact.contact_last', { days }]);
    else {
      const late = days > f.cadence;
      facts.push([late ? 'health.fact.contact_overdue' : 'health.fact.contact_recent', { days, status: f.status, cadence: f.cadence }]);
      if (late) score -= Math.min(100, ((days - f.cadence) / f.cadence) * 100);
    }
  } else {
    facts.push(['health.fact.never_contacted', {}]);
    score -= 30;
  }
  if (steps.overdue > 0) facts.push(['health.fact.next_steps_overdue', { count: steps.overdue, open: steps.open }]);
  else if (steps.open > 0) facts.push(['health.fact.next_steps_on_time', { open: steps.open }]);
  score -= capped(steps.overdue, 15, 45);
  return { score: clamp(score), facts };
}

/** From 60: an open deal +20, a won one +10, a lost one −10; a move up +10, down −30. */
export function commercialVerdict(d: DealHealthFacts | undefined, l: LoyaltyHealthFacts | undefined): Omit<ComponentVerdict, 'component'> {
  const deals = d ?? { open: 0, wonRecently: 0, lostRecently: 0 };
  const hasDeals = deals.open + deals.wonRecently + deals.lostRecently > 0;
  if (!hasDeals && !l?.tier && !l?.move) return { score: null, facts: [['health.fact.no_commercial', {}]] };
  const facts: Fact[] = [];
  let score = 60;
  if (hasDeals) {
    facts.push(deals.open > 0 ? ['health.fact.deals_open', { count: deals.open }] : ['health.fact.no_open_deal', {}]);
    if (deals.wonRecently > 0) facts.push(['health.fact.deals_won', { count: deals.wonRecently }]);
    if (deals.lostRecently > 0) facts.push(['health.fact.deals_lost', { count: deals.lostRecently }]);
    score += (deals.open > 0 ? 20 : 0) + (deals.wonRecently > 0 ? 10 : 0) - (deals.lostRecently > 0 ? 10 : 0);
  }
  const move = l?.move;
  if (move) {
    const on = move.at.slice(0, 10);
    if (move.direction === 'upgrade') facts.push(['health.fact.tier_up', { to: move.to, on }]);
    else facts.push(move.to ? ['health.fact.tier_down', { to: move.to, on }] : ['health.fact.tier_lost', { from: move.from, on }]);
    score += move.direction === 'upgrade' ? 10 : -30;
  } else if (l?.tier) facts.push(['health.fact.tier_held', { tier: l.tier }]);
  return { score: clamp(score), facts };
}

/** The grade of a score under the thresholds. */
export function gradeOf(score: number, thresholds: HealthSettings['thresholds']): HealthGrade {
  if (score >= thresholds.healthy) return 'healthy';
  return score < thresholds.atRisk ? 'at_risk' : 'watch';
}

/** The weighted mean of the components with data (weights renormalised over them); no score when none has data or weight. */
export function combine(components: ComponentVerdict[], settings: HealthSettings): Omit<HealthVerdict, 'components'> {
  let total = 0;
  let weights = 0;
  for (const c of components) {
    const w = settings.weights[c.component];
    if (c.score === null || w === 0) continue;
    total += c.score * w;
    weights += w;
  }
  if (weights === 0) return { score: null, grade: null };
  const score = clamp(total / weights);
  return { score, grade: gradeOf(score, settings.thresholds) };
}

/** An account's health from its facts: each component's verdict, then their weighted mean and its grade. */
export function judgeHealth(f: AccountFacts, settings: HealthSettings): HealthVerdict {
  const verdicts: Record<HealthComponent, Omit<ComponentVerdict, 'component'>> = {
    payment: paymentVerdict(f.payment),
    satisfaction: satisfactionVerdict(f.satisfaction),
    claims: claimsVerdict(f.claims),
    delivery: deliveryVerdict(f.tasks, f.milestones),
    engagement: engagementVerdict(f),
    commercial: commercialVerdict(f.deals, f.loyalty),
  };
  const components = HEALTH_COMPONENTS.map((component) => ({ component, ...verdicts[component] }));
  return { ...combine(components, settings), components };
}
