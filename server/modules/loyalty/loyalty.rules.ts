import type { LoyaltyBenefits, LoyaltyRules, TierCheck } from '../../../common/schemas/loyalty.js';

/** A tier as the evaluation uses it. */
export interface Tier {
  id: string;
  name: string;
  rank: number;
  rules: LoyaltyRules;
  benefits: LoyaltyBenefits;
}

/** What the evaluation knows of one account on the day. */
export interface AccountFacts {
  accountId: string;
  /** Only an active client holds a tier. */
  active: boolean;
  /** Whole months since it became a client; null when it never did. */
  tenureMonths: number | null;
  /** Paid in the trailing 12 months, minor units by currency. */
  paid: Map<string, number>;
  /** Percent (one decimal, rounded down) of the invoices due in the trailing 12 months paid in full by their due date; null when none fell due. */
  onTimePercent: number | null;
  nps: number | null;
  openCriticalClaims: number;
  hasBackupManager: boolean;
}

/** Where an account lands: its tier (or none) and the checks that say why. */
export interface Verdict {
  tier: Tier | null;
  /** The held tier's checks, or the lowest tier's when none is held. */
  checks: TierCheck[];
  atRisk: boolean;
}

/** "Within 10 % of losing it": a passing figure below 110 % of its threshold (a figure at its scale's top never is). */
const near = (value: number, threshold: number, top = Infinity) => value * 10 < threshold * 11 && value < top;

/** Whole months from a calendar date to another (a month counts once its day of the month is reached). */
export function monthsBetween(from: string, to: string): number {
  const [y1, m1, d1] = from.slice(0, 10).split('-').map(Number);
  const [y2, m2, d2] = to.slice(0, 10).split('-').map(Number);
  return Math.max(0, (y2 - y1) * 12 + (m2 - m1) - (d2 < d1 ? 1 : 0));
}

/** Percent to one decimal, rounded down, so 79.96 % never reads as meeting 80 %. */
export const percentOf = (part: number, whole: number): number | null => (whole > 0 ? Math.floor((part * 1000) / whole) / 10 : null);

/** Each rule of the tier against the account's facts; a rule the tier does not ask is left out. */
export function checkTier(tier: Tier, f: AccountFacts): TierCheck[] {
  const r = tier.rules;
  const base = { tierId: tier.id, tierName: tier.name, currency: null, near: false };
  const checks: TierCheck[] = [];
  if (r.minTenureMonths !== null) {
    // Tenure only grows: it never puts a tier at risk.
    checks.push({
      ...base,
      rule: 'tenure',
      value: f.tenureMonths,
      threshold: r.minTenureMonths,
      passed: (f.tenureMonths ?? -1) >= r.minTenureMonths,
    });
  }
  if (r.minPaidRevenue.length) {
    // Each currency on its own: the best-covered threshold speaks for the rule.
    const options = r.minPaidRevenue.map((t) => ({ ...t, value: f.paid.get(t.currency) ?? 0 }));
    const best = options.reduce((a, b) => (b.value / b.amountMinor > a.value / a.amountMinor ? b : a));
    const passed = best.value >= best.amountMinor;
    checks.push({
      ...base,
      rule: 'paid_revenue',
      currency: best.currency,
      value: best.value,
      threshold: best.amountMinor,
      passed,
      near: passed && options.every((o) => o.value < o.amountMinor || near(o.value, o.amountMinor)),
    });
  }
  if (r.minOnTimePercent !== null) {
    const value = f.onTimePercent;
    // With no invoice due in the year, nothing was late.
    const passed = value === null || value >= r.minOnTimePercent;
    checks.push({
      ...base,
      rule: 'on_time',
      value,
      threshold: r.minOnTimePercent,
      passed,
      near: passed && value !== null && near(value, r.minOnTimePercent, 100),
    });
  }
  if (r.minNps !== null) {
    const passed = f.nps !== null && f.nps >= r.minNps;
    checks.push({ ...base, rule: 'nps', value: f.nps, threshold: r.minNps, passed, near: passed && near(f.nps!, r.minNps, 10) });
  }
  if (r.openCriticalClaimsDisqualify) {
    checks.push({ ...base, rule: 'critical_claims', value: f.openCriticalClaims, threshold: 0, passed: f.openCriticalClaims === 0 });
  }
  if (r.requiresBackupManager) {
    checks.push({ ...base, rule: 'backup_manager', value: f.hasBackupManager ? 1 : 0, threshold: 1, passed: f.hasBackupManager });
  }
  return checks;
}

/** The best tier (highest rank) whose every rule passes; `tiers` in any order. */
export function judge(tiers: Tier[], f: AccountFacts): Verdict {
  const ranked = [...tiers].sort((a, b) => b.rank - a.rank);
  if (f.active) {
    for (const tier of ranked) {
      const checks = checkTier(tier, f);
      if (checks.every((c) => c.passed)) return { tier, checks, atRisk: checks.some((c) => c.near) };
    }
  }
  const lowest = ranked.at(-1);
  return { tier: null, checks: lowest ? checkTier(lowest, f) : [], atRisk: false };
}

/** The checks a move is told with: a downgrade shows the lost tier's failed rules first, then the new tier's. */
export function moveChecks(from: Tier | null, verdict: Verdict, f: AccountFacts): TierCheck[] {
  if (!from || (verdict.tier && verdict.tier.rank > from.rank)) return verdict.checks;
  const lost = checkTier(from, f);
  return verdict.tier ? [...lost, ...verdict.checks] : lost;
}
