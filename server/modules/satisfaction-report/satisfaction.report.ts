import type { SatisfactionRecordsQuery, SatisfactionReport, SatisfactionScopeQuery } from '../../../common/schemas/satisfaction-report.js';
import type { Database } from '../../db/database.js';
import type { Clock } from '../../lib/clock.js';
import { groupBy } from '../../lib/group.js';
import type { Actor } from '../access/index.js';
import type { AccountService } from '../accounts/index.js';
import type { ClaimSettingsService } from '../claims/index.js';
import type { AgencyCalendar } from '../settings/index.js';
import { AnswerAggregates } from './satisfaction.answers.js';
import { causesOf, type CauseInputs } from './satisfaction.causes.js';
import { ClaimAggregates, type DeadlineCounts } from './satisfaction.claims.js';
import { averageOf, npsOf, pareto, roundHalfAway } from './satisfaction.figures.js';
import { SatisfactionRecords } from './satisfaction.records.js';
import { reportPeriod, resolveScope, type ReportScope } from './satisfaction.scope.js';
import { SignalAggregates } from './satisfaction.signals.js';

type Csat = { responses: number; total: number; low: number };
const csatOf = (c: Csat) => ({ responses: c.responses, average: averageOf(c.total, c.responses), low: c.low });
const byAverage = <T extends { average: number | null; responses: number }>(a: T, b: T) =>
  (a.average ?? 0) - (b.average ?? 0) || b.responses - a.responses;
/** A configured key's name in the reader's language; the key itself once it was removed from the settings. */
const nameIn =
  (list: { key: string; name: { en: string; ru: string } }[], language: 'en' | 'ru') =>
  (key: string): string =>
    list.find((c) => c.key === key)?.name[language] ?? key;
// Hours from day fractions (SQLite's julianday) carry float noise: settled to the second before rounding.
const hours = (h: number | null) => (h === null ? null : roundHalfAway(roundHalfAway(h, 4), 1));

/**
 * The cooperation analysis (`GET /reports/satisfaction`): NPS by month, CSAT by project, kind
 * of work and specialist, claims' Pareto and deadlines, late work and payment discipline per
 * account, and the causes of dissatisfaction ranked. A handful of GROUP BY statements, whatever
 * the number of accounts; each item carries the query that lists its records.
 */
export class SatisfactionReports {
  private readonly answers: AnswerAggregates;
  private readonly claims: ClaimAggregates;
  private readonly signals: SignalAggregates;
  private readonly recordPages: SatisfactionRecords;

  constructor(
    db: Database,
    private readonly clock: Clock,
    private readonly calendar: AgencyCalendar,
    private readonly accounts: AccountService,
    private readonly claimSettings: ClaimSettingsService,
  ) {
    this.answers = new AnswerAggregates(db);
    this.claims = new ClaimAggregates(db);
    this.signals = new SignalAggregates(db);
    this.recordPages = new SatisfactionRecords(db);
  }

  /** The period and scope of a request, checked: who may read what, and a period that makes sense. */
  async scope(actor: Actor, query: SatisfactionScopeQuery): Promise<ReportScope> {
    const owned = await resolveScope(actor, query, this.accounts);
    const [today, timeZone] = await Promise.all([this.calendar.today(), this.calendar.timeZone()]);
    return { actor, ...owned, today, now: this.clock.now().toISOString(), ...reportPeriod(query, today, timeZone) };
  }

  /** The records behind one item of the report, a page at a time. */
  async records(actor: Actor, query: SatisfactionRecordsQuery) {
    const [s, settings] = await Promise.all([this.scope(actor, query), this.claimSettings.load()]);
    const language = actor.language ?? 'en';
    return this.recordPages.page(s, query, {
      category: nameIn(settings.categories, language),
      cause: nameIn(settings.rootCauses, language),
    });
  }

  async report(actor: Actor, query: SatisfactionScopeQuery): Promise<SatisfactionReport> {
    const s = await this.scope(actor, query);
    const language = actor.language ?? 'en';
    const [nps, byProject, bySpecialist, low, comments, counts, deadlines, milestones, tasks, paidLate, overdue, settings] =
      await Promise.all([
        this.answers.npsByMonth(s),
        this.answers.csatByProject(s),
        this.answers.csatBySpecialist(s),
        this.answers.lowByWorkKind(s),
        this.answers.lowComments(s),
        this.claims.counts(s),
        this.claims.deadlines(s),
        this.signals.lateMilestones(s),
        this.signals.lateTasks(s),
        this.signals.paidLate(s),
        this.signals.overdue(s),
        this.claimSettings.load(),
      ]);
    const [respondMedian, resolveMedian] = await Promise.all([
      this.claims.medianHours(s, 'respond', deadlines.respond.met + deadlines.respond.late),
      this.claims.medianHours(s, 'resolve', deadlines.resolve.met + deadlines.resolve.late),
    ]);
    const categoryName = nameIn(settings.categories, language);
    const causeName = nameIn(settings.rootCauses, language);

    const months = s.months.map(({ month }) => {
      const c = nps.find((r) => r.month === month) ?? { promoters: 0, passives: 0, detractors: 0 };
      return { month, ...npsOf(c), drill: { kind: 'answers' as const, surveyKind: 'nps' as const, month } };
    });
    const sum = (pick: (r: (typeof nps)[number]) => number) => nps.reduce((t, r) => t + pick(r), 0);

    const projects = byProject.filter((p) => p.projectId !== null);
    const kinds = [...new Set(projects.map((p) => p.workKind!))].map((workKind) => {
      const of = projects.filter((p) => p.workKind === workKind);
      const add = (pick: (p: Csat) => number) => of.reduce((t, p) => t + pick(p), 0);
      return { workKind, responses: add((p) => p.responses), total: add((p) => p.total), low: add((p) => p.low) };
    });
    const csatTotal = byProject.reduce((t, p) => ({ responses: t.responses + p.responses, total: t.total + p.total, low: t.low + p.low }), {
      responses: 0,
      total: 0,
      low: 0,
    });
    const csatDrill = { kind: 'answers' as const, surveyKind: 'csat' as const };

    const deadline = (d: 'respond' | 'resolve', c: DeadlineCounts, median: number | null) => ({
      ...c,
      withinShare: c.met + c.late === 0 ? null : c.met / (c.met + c.late),
      medianHours: hours(median),
      averageHours: hours(c.averageHours),
      drill: { kind: 'claims' as const, breached: d },
    });

    const inputs: CauseInputs = { counts, causeName, low, comments, milestones, tasks, paidLate, overdue };
    return {
      from: s.from,
      to: s.to,
      accountId: s.accountId,
      ownerId: s.ownerId,
      nps: {
        months,
        total: npsOf({ promoters: sum((r) => r.promoters), passives: sum((r) => r.passives), detractors: sum((r) => r.detractors) }),
      },
      csat: {
        total: csatOf(csatTotal),
        byProject: projects
          .map((p) => ({
            projectId: p.projectId!,
            name: p.name ?? '—',
            accountName: p.accountName ?? '—',
            ...csatOf(p),
            drill: { ...csatDrill, projectId: p.projectId! },
          }))
          .sort(byAverage),
        byWorkKind: kinds
          .map((k) => ({ workKind: k.workKind, ...csatOf(k), drill: { ...csatDrill, workKind: k.workKind } }))
          .sort(byAverage),
        bySpecialist: bySpecialist
          .map((p) => ({ userId: p.userId, name: p.name, ...csatOf(p), drill: { ...csatDrill, specialistId: p.userId } }))
          .sort(byAverage),
      },
      claims: {
        total: counts.byCategory.reduce((t, c) => t + c.claims, 0),
        byCategory: pareto(
          counts.byCategory.map((c) => ({ ...c, name: categoryName(c.key), drill: { kind: 'claims' as const, category: c.key } })),
        ),
        byRootCause: pareto(
          counts.byRootCause.map((c) => ({
            key: c.key,
            claims: c.claims,
            name: causeName(c.key),
            drill: { kind: 'claims' as const, rootCause: c.key },
          })),
        ),
        respond: deadline('respond', deadlines.respond, respondMedian),
        resolve: deadline('resolve', deadlines.resolve, resolveMedian),
      },
      accounts: accountSignals(inputs),
      causes: causesOf(inputs),
    };
  }
}

/** Per account: late milestones and tasks, invoices paid late and what is overdue, most signals first. */
function accountSignals({ milestones, tasks, paidLate, overdue }: CauseInputs): SatisfactionReport['accounts'] {
  // Keyed once: thousands of accounts each looked up in four lists would be quadratic.
  const byAccount = <R extends { accountId: string }>(rows: R[]) => new Map(rows.map((r) => [r.accountId, r]));
  const [lateMilestones, lateTasks, paidLateOf] = [byAccount(milestones), byAccount(tasks), byAccount(paidLate)];
  const overdueOf = groupBy(overdue, (r) => r.accountId);
  const names = new Map([...milestones, ...tasks, ...paidLate, ...overdue].map((r) => [r.accountId, r.name]));
  return [...names.entries()]
    .map(([accountId, accountName]) => {
      const paid = paidLateOf.get(accountId);
      return {
        accountId,
        accountName,
        lateMilestones: lateMilestones.get(accountId)?.late ?? 0,
        lateTasks: lateTasks.get(accountId)?.late ?? 0,
        paidLate: paid?.invoices ?? 0,
        averageDaysLate: paid ? roundHalfAway(paid.averageDays, 1) : null,
        overdue: (overdueOf.get(accountId) ?? [])
          .map((r) => ({ currency: r.currency, invoices: r.invoices, amountMinor: r.owed }))
          .sort((a, b) => a.currency.localeCompare(b.currency)),
        drill: {
          milestones: { kind: 'milestones' as const, accountId },
          tasks: { kind: 'tasks' as const, accountId },
          paidLate: { kind: 'invoices' as const, accountId, payment: 'paid_late' as const },
          overdue: { kind: 'invoices' as const, accountId, payment: 'overdue' as const },
        },
      };
    })
    .sort((a, b) => signals(b) - signals(a) || a.accountName.localeCompare(b.accountName));
}

const signals = (a: { lateMilestones: number; lateTasks: number; paidLate: number; overdue: { invoices: number }[] }) =>
  a.lateMilestones + a.lateTasks + a.paidLate + a.overdue.reduce((t, o) => t + o.invoices, 0);
