import { DEAL_OPEN_STAGES } from '../../../common/enums.js';
import {
  PIPELINE_REPORT_MAX_MONTHS,
  type ForecastCurrency,
  type PipelineReport,
  type PipelineReportQuery,
} from '../../../common/schemas/deal-report.js';
import type { Database } from '../../db/database.js';
import { addDays } from '../../lib/dates.js';
import { fieldError } from '../../lib/errors.js';
import { startOfLocalDay } from '../../lib/timezone.js';
import { assertSeesInternal, type Actor } from '../access/index.js';
import type { AgencyCalendar } from '../settings/index.js';
import { DealReportRepository, type ReportScope } from './deal.report.repository.js';
import type { DealSettingsService } from './deal.settings.js';

type ForecastRow = Awaited<ReturnType<DealReportRepository['forecast']>>[number];

/** `YYYY-MM` moved by `n` months. */
function addMonths(month: string, n: number): string {
  const [y, m] = month.split('-').map(Number);
  const d = new Date(Date.UTC(y, m - 1 + n, 1));
  return d.toISOString().slice(0, 7);
}

const monthsBetween = (from: string, to: string): number => {
  const [fy, fm] = from.split('-').map(Number);
  const [ty, tm] = to.split('-').map(Number);
  return (ty - fy) * 12 + (tm - fm);
};

/** The last day of `YYYY-MM`. */
const lastDayOf = (month: string): string => addDays(`${addMonths(month, 1)}-01`, -1);

/** The period asked for: a month reads as its first day (from) or its last (to); six months back to five ahead by default. */
function reportPeriod(query: PipelineReportQuery, thisMonth: string): { from: string; to: string } {
  const from = !query.from ? `${addMonths(thisMonth, -6)}-01` : query.from.length === 7 ? `${query.from}-01` : query.from;
  const to = !query.to ? lastDayOf(addMonths(thisMonth, 5)) : query.to.length === 7 ? lastDayOf(query.to) : query.to;
  if (to < from) throw fieldError('to', 'deal_report.period_order');
  if (monthsBetween(from.slice(0, 7), to.slice(0, 7)) >= PIPELINE_REPORT_MAX_MONTHS) {
    throw fieldError('to', 'deal_report.period_length', { months: PIPELINE_REPORT_MAX_MONTHS });
  }
  return { from, to };
}

const rate = (won: number, lost: number) => ({ won, lost, rate: won + lost === 0 ? null : won / (won + lost) });

/** Sums rows into one forecast bucket, its stages in pipeline order. */
function bucketOf(rows: ForecastRow[]) {
  const sum = (pick: (r: ForecastRow) => number, of = rows) => of.reduce((s, r) => s + pick(r), 0);
  return {
    deals: sum((r) => r.deals),
    amountMinor: sum((r) => r.amount),
    weightedMinor: sum((r) => r.weighted),
    stages: DEAL_OPEN_STAGES.flatMap((stage) => {
      const of = rows.filter((r) => r.stage === stage);
      return of.length
        ? [{ stage, deals: sum((r) => r.deals, of), amountMinor: sum((r) => r.amount, of), weightedMinor: sum((r) => r.weighted, of) }]
        : [];
    }),
  };
}

/** Per currency: the overdue bucket, then every month of the window (empty ones too, for a continuous chart). */
function forecastOf(rows: ForecastRow[], months: string[]): ForecastCurrency[] {
  const currencies = [...new Set(rows.map((r) => r.currency))].sort();
  return currencies.map((currency) => {
    const of = rows.filter((r) => r.currency === currency);
    const overdue = bucketOf(of.filter((r) => r.bucket === 'overdue'));
    const byMonth = months.map((month) => ({ month, ...bucketOf(of.filter((r) => r.bucket === month)) }));
    const all = bucketOf(of);
    return {
      currency,
      overdue,
      months: byMonth,
      total: { deals: all.deals, amountMinor: all.amountMinor, weightedMinor: all.weightedMinor },
    };
  });
}

/**
 * The sales report over the deals the actor reads (`GET /reports/pipeline`): the weighted
 * forecast by expected close month per currency, win rate overall and per owner, average
 * cycle length, and lost reasons ranked. Dates are the agency's (its time zone).
 */
export class DealReports {
  private readonly repo: DealReportRepository;

  constructor(
    db: Database,
    private readonly calendar: AgencyCalendar,
    private readonly settings: DealSettingsService,
  ) {
    this.repo = new DealReportRepository(db);
  }

  async pipeline(actor: Actor, query: PipelineReportQuery): Promise<PipelineReport> {
    assertSeesInternal(actor);
    const [today, timeZone] = await Promise.all([this.calendar.today(), this.calendar.timeZone()]);
    const thisMonth = today.slice(0, 7);
    const { from, to } = reportPeriod(query, thisMonth);
    const ownerId = query.owner === 'me' ? actor.id : (query.owner ?? null);
    const scope: ReportScope = { actor, ownerId };
    const closed = { start: startOfLocalDay(from, timeZone).toISOString(), end: startOfLocalDay(addDays(to, 1), timeZone).toISOString() };
    const firstMonth = from.slice(0, 7) > thisMonth ? from.slice(0, 7) : thisMonth;
    const forecastFrom = from > `${thisMonth}-01` ? from : `${thisMonth}-01`;
    const months = Array.from({ length: Math.max(0, monthsBetween(firstMonth, to.slice(0, 7)) + 1) }, (_, i) => addMonths(firstMonth, i));

    const [forecast, owners, cycle, lost, settings] = await Promise.all([
      this.repo.forecast(scope, { monthStart: `${thisMonth}-01`, from: forecastFrom, to }),
      this.repo.closedByOwner(scope, closed),
      this.repo.cycle(scope, closed),
      this.repo.lostReasons(scope, closed),
      this.settings.load(),
    ]);
    return {
      from,
      to,
      thisMonth,
      ownerId,
      forecast: forecastOf(forecast, months),
      winRate: this.winRate(owners),
      cycle: {
        won: this.cycleOf(cycle, 'won'),
        lost: this.cycleOf(cycle, 'lost'),
      },
      lostReasons: this.lostReasons(lost, settings.lostReasons, actor.language ?? 'en'),
    };
  }

  private winRate(rows: Awaited<ReturnType<DealReportRepository['closedByOwner']>>): PipelineReport['winRate'] {
    const count = (stage: string, ownerId?: string) =>
      rows.filter((r) => r.stage === stage && (ownerId === undefined || r.ownerId === ownerId)).reduce((s, r) => s + r.deals, 0);
    const owners = [...new Map(rows.map((r) => [r.ownerId, r.ownerName])).entries()]
      .map(([ownerId, ownerName]) => ({ ownerId, ownerName, ...rate(count('won', ownerId), count('lost', ownerId)) }))
      .sort((a, b) => (a.ownerName ?? '').localeCompare(b.ownerName ?? '') || a.ownerId.localeCompare(b.ownerId));
    return { ...rate(count('won'), count('lost')), owners };
  }

  private cycleOf(rows: Awaited<ReturnType<DealReportRepository['cycle']>>, stage: 'won' | 'lost') {
    const row = rows.find((r) => r.stage === stage);
    // Days to one decimal: a cycle is read in days, and floating point noise from the database is not a difference.
    return { deals: row?.deals ?? 0, averageDays: row?.averageDays == null ? null : Math.round(row.averageDays * 10) / 10 };
  }

  /** Reasons by number of deals (then by name), each with its amounts per currency. */
  private lostReasons(
    rows: Awaited<ReturnType<DealReportRepository['lostReasons']>>,
    configured: { key: string; name: { en: string; ru: string } }[],
    language: 'en' | 'ru',
  ): PipelineReport['lostReasons'] {
    const reasons = [...new Set(rows.map((r) => r.reason))];
    return reasons
      .map((reason) => {
        const of = rows.filter((r) => r.reason === reason).sort((a, b) => a.currency.localeCompare(b.currency));
        const name = configured.find((c) => c.key === reason)?.name[language] ?? reason ?? '—';
        return {
          reason,
          name,
          deals: of.reduce((s, r) => s + r.deals, 0),
          amounts: of.map((r) => ({ currency: r.currency, amountMinor: r.amount })),
        };
      })
      .sort((a, b) => b.deals - a.deals || a.name.localeCompare(b.name));
  }
}
