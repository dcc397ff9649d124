import type { SatisfactionReport } from '../../../common/schemas/satisfaction-report.js';
import type { AnswerAggregates } from './satisfaction.answers.js';
import type { ClaimAggregates } from './satisfaction.claims.js';
import type { SignalAggregates } from './satisfaction.signals.js';

type Rows<T, K extends keyof T> = T[K] extends (...args: never[]) => Promise<infer R> ? R : never;

/** What the ranked causes are drawn from: the aggregates the report already read. */
export interface CauseInputs {
  counts: Rows<ClaimAggregates, 'counts'>;
  causeName: (key: string) => string;
  low: Rows<AnswerAggregates, 'lowByWorkKind'>;
  comments: Rows<AnswerAggregates, 'lowComments'>;
  milestones: Rows<SignalAggregates, 'lateMilestones'>;
  tasks: Rows<SignalAggregates, 'lateTasks'>;
  paidLate: Rows<SignalAggregates, 'paidLate'>;
  overdue: Rows<SignalAggregates, 'overdue'>;
}

type Cause = SatisfactionReport['causes'][number];

/** Sum of a count over rows, and the number of distinct accounts among them. */
function signal(rows: { accountId: string }[], count: (r: never) => number) {
  const pick = count as (r: { accountId: string }) => number;
  return { count: rows.reduce((t, r) => t + pick(r), 0), accounts: new Set(rows.map((r) => r.accountId)).size };
}

/**
 * The causes of dissatisfaction, ranked by count: claims' root causes; low answers (NPS ≤ 6,
 * CSAT ≤ 2) by the kind of work they were about, with their latest comments; late milestones
 * and tasks; invoices paid late and overdue. The last two are the agency's and the client's
 * side of the same friction, so both are listed. Causes with a count of 0 are left out.
 */
export function causesOf(i: CauseInputs): Cause[] {
  const rootCauses: Cause[] = i.counts.byRootCause.map((c) => ({
    source: 'root_cause',
    key: c.key,
    name: i.causeName(c.key),
    count: c.claims,
    accounts: c.accounts,
    comments: [],
    drill: { kind: 'claims', rootCause: c.key },
  }));
  const lowAnswers: Cause[] = i.low.map((l) => ({
    source: 'low_answers',
    key: l.workKind,
    name: l.workKind,
    count: l.answers,
    accounts: l.accounts,
    comments: i.comments.filter((c) => c.workKind === l.workKind).map((c) => c.comment),
    drill: { kind: 'answers', band: 'low', workKind: l.workKind },
  }));
  const late = (key: 'milestones' | 'tasks', rows: CauseInputs['milestones']): Cause => ({
    source: 'late_delivery',
    key,
    name: key,
    ...signal(rows, (r: { late: number }) => r.late),
    comments: [],
    drill: { kind: key },
  });
  const payment = (key: 'paid_late' | 'overdue', rows: { accountId: string; invoices: number }[]): Cause => ({
    source: 'late_payment',
    key,
    name: key,
    ...signal(rows, (r: { invoices: number }) => r.invoices),
    comments: [],
    drill: { kind: 'invoices', payment: key },
  });
  return [
    ...rootCauses,
    ...lowAnswers,
    late('milestones', i.milestones),
    late('tasks', i.tasks),
    payment('paid_late', i.paidLate),
    payment('overdue', i.overdue),
  ]
    .filter((c) => c.count > 0)
    .sort((a, b) => b.count - a.count || a.source.localeCompare(b.source) || a.key.localeCompare(b.key));
}
