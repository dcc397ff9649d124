import { sql, type ExpressionBuilder, type RawBuilder, type SqlBool } from 'kysely';
import type {
  SatisfactionDrill,
  SatisfactionRecord,
  SatisfactionRecordsQuery,
  SatisfactionRecordKind,
} from '../../../common/schemas/satisfaction-report.js';
import type { Database } from '../../db/database.js';
import type { DB } from '../../db/schema.js';
import { afterCursor, decodeCursor, toPage, type CursorPosition } from '../../lib/pagination.js';
import { BALANCE, OPEN_INVOICE } from '../billing/index.js';
import { answered, LOW_ANSWER } from './satisfaction.answers.js';
import { breachedClaim, metDeadline, registered } from './satisfaction.claims.js';
import { inScope, type ReportScope } from './satisfaction.scope.js';
import { daysBetween, LAST_PAID, lateWork, PAID_LATE } from './satisfaction.signals.js';

/** A record as read, before its names are put in the reader's language. */
type Row = Omit<SatisfactionRecord, 'kind'>;

const BANDS: Record<NonNullable<SatisfactionDrill['band']>, RawBuilder<SqlBool>> = {
  promoter: sql<SqlBool>`surveys.kind = 'nps' and surveys.score >= 9`,
  passive: sql<SqlBool>`surveys.kind = 'nps' and surveys.score between 7 and 8`,
  detractor: sql<SqlBool>`surveys.kind = 'nps' and surveys.score <= 6`,
  low: LOW_ANSWER,
};

/**
 * The records behind a bar of the report (`GET /reports/satisfaction/records`), a page at a
 * time, newest first: the same period, scope and conditions as the aggregate that counted them.
 */
export class SatisfactionRecords {
  constructor(private readonly db: Database) {}

  async page(s: ReportScope, q: SatisfactionRecordsQuery, names: { category: (k: string) => string; cause: (k: string) => string }) {
    const timestamped = q.kind === 'answers' || q.kind === 'claims';
    const pos = decodeCursor(q.cursor, timestamped ? 'timestamp' : 'date');
    const rows = await this.read(s, q, pos);
    const page = toPage(rows, q.limit, (r) => ({ v: r.date, id: r.id }));
    const items: SatisfactionRecord[] = page.items.map((r) => ({
      ...r,
      kind: q.kind,
      title: q.kind === 'claims' ? names.category(r.title) : r.title,
      rootCause: r.rootCause === null ? null : names.cause(r.rootCause),
    }));
    return { items, nextCursor: page.nextCursor };
  }

  private read(s: ReportScope, q: SatisfactionRecordsQuery, pos: CursorPosition | null): Promise<Row[]> {
    const readers: Record<SatisfactionRecordKind, () => Promise<Row[]>> = {
      answers: () => this.answers(s, q, pos),
      claims: () => this.claims(s, q, pos),
      milestones: () => this.work('milestones', s, q, pos),
      tasks: () => this.work('tasks', s, q, pos),
      invoices: () => this.invoices(s, q, pos),
    };
    return readers[q.kind]();
  }

  private async answers(s: ReportScope, q: SatisfactionRecordsQuery, pos: CursorPosition | null): Promise<Row[]> {
    let query = answered(this.db, s).innerJoin('accounts', 'accounts.id', 'surveys.account_id');
    if (q.surveyKind) query = query.where('surveys.kind', '=', q.surveyKind);
    if (q.band) query = query.where(BANDS[q.band]);
    if (q.accountId) query = query.where('surveys.account_id', '=', q.accountId);
    if (q.projectId) query = query.where('surveys.project_id', '=', q.projectId);
    const month = q.month ? s.months.find((m) => m.month === q.month) : undefined;
    if (q.month) {
      // A month outside the period has no answers in it.
      query = month
        ? query.where('surveys.answered_at', '>=', month.start).where('surveys.answered_at', '<', month.end)
        : query.where(sql<SqlBool>`1 = 0`);
    }
    if (q.workKind === 'none') query = query.where('surveys.project_id', 'is', null);
    else if (q.workKind) {
      const kind = q.workKind;
      query = query.where('surveys.project_id', 'in', (eb) =>
        eb.selectFrom('projects').select('projects.id').where('projects.kind', '=', kind),
      );
    }
    if (q.specialistId) {
      const who = q.specialistId;
      query = query.where((eb) =>
        eb.exists(
          eb
            .selectFrom('tasks')
            .select('tasks.id')
            .whereRef('tasks.project_id', '=', 'surveys.project_id')
            .where('tasks.assignee_id', '=', who)
            .where((t) => t.or([t('surveys.milestone_id', 'is', null), t('tasks.milestone_id', '=', t.ref('surveys.milestone_id'))])),
        ),
      );
    }
    if (pos) query = query.where((eb) => afterCursor(eb, 'surveys.answered_at', 'surveys.id', 'desc', pos));
    const rows = await query
      .select(['surveys.id', 'surveys.answered_at', 'surveys.account_id', 'accounts.name', 'surveys.project_id'])
      .select(['surveys.kind', 'surveys.score', 'surveys.comment'])
      .orderBy('surveys.answered_at', 'desc')
      .orderBy('surveys.id', 'desc')
      .limit(q.limit + 1)
      .execute();
    return rows.map((r) => ({
      ...blank(r.id, r.answered_at!, r.account_id, r.name, r.project_id),
      title: r.kind.toUpperCase(),
      detail: r.comment,
      score: r.score,
    }));
  }

  private async claims(s: ReportScope, q: SatisfactionRecordsQuery, pos: CursorPosition | null): Promise<Row[]> {
    let query = registered(this.db, s).innerJoin('accounts', 'accounts.id', 'claims.account_id');
    if (q.category) query = query.where('claims.category', '=', q.category);
    if (q.rootCause) query = query.where('claims.root_cause', '=', q.rootCause);
    if (q.breached) query = query.where(breachedClaim(q.breached, s.now));
    if (q.met) query = query.where(metDeadline(q.met));
    if (q.accountId) query = query.where('claims.account_id', '=', q.accountId);
    if (q.projectId) query = query.where('claims.project_id', '=', q.projectId);
    if (pos) query = query.where((eb) => afterCursor(eb, 'claims.created_at', 'claims.id', 'desc', pos));
    const rows = await query
      .select(['claims.id', 'claims.created_at', 'claims.account_id', 'accounts.name', 'claims.project_id'])
      .select(['claims.category', 'claims.description', 'claims.status', 'claims.root_cause'])
      .orderBy('claims.created_at', 'desc')
      .orderBy('claims.id', 'desc')
      .limit(q.limit + 1)
      .execute();
    return rows.map((r) => ({
      ...blank(r.id, r.created_at, r.account_id, r.name, r.project_id),
      title: r.category,
      detail: r.description,
      status: r.status,
      rootCause: r.root_cause,
    }));
  }

  /** Late milestones or tasks due in the period; days late to when done, or to today. */
  private async work(table: 'milestones' | 'tasks', s: ReportScope, q: SatisfactionRecordsQuery, pos: CursorPosition | null) {
    const t = (c: string) => `${table}.${c}`;
    const late = daysBetween(this.db, sql.ref(t('due_date')), sql`coalesce(${sql.ref(t('done_on'))}, ${s.today})`);
    let query = this.db
      .selectFrom(table === 'milestones' ? 'milestones' : 'tasks')
      .innerJoin('projects', 'projects.id', sql.ref(t('project_id')) as never)
      .innerJoin('accounts', 'accounts.id', 'projects.account_id')
      .where(sql<SqlBool>`${sql.ref(t('due_date'))} >= ${s.from} and ${sql.ref(t('due_date'))} <= ${s.to}`)
      .where(lateWork(table, s.today))
      .where((eb: ExpressionBuilder<DB, 'projects'>) => inScope(s, eb, 'projects.account_id'));
    if (q.accountId) query = query.where('projects.account_id', '=', q.accountId);
    if (q.projectId) query = query.where('projects.id', '=', q.projectId);
    if (pos) query = query.where((eb) => afterCursor(eb, t('due_date'), t('id'), 'desc', pos));
    const rows = (await query
      .select([sql.ref(t('id')).as('id'), sql.ref(t('due_date')).as('due'), sql.ref(t('title')).as('title'), late.as('late')])
      .select(['projects.account_id', 'accounts.name', 'projects.id as project_id'])
      .orderBy(sql.ref(t('due_date')), 'desc')
      .orderBy(sql.ref(t('id')), 'desc')
      .limit(q.limit + 1)
      .execute()) as {
      id: string;
      due: string;
      title: string;
      late: number | string;
      account_id: string;
      name: string;
      project_id: string;
    }[];
    return rows.map((r) => ({ ...blank(r.id, r.due, r.account_id, r.name, r.project_id), title: r.title, daysLate: Number(r.late) }));
  }

  /** Invoices due in the period paid late (their total, days to the last payment) or overdue (what is owed, days to today). */
  private async invoices(s: ReportScope, q: SatisfactionRecordsQuery, pos: CursorPosition | null): Promise<Row[]> {
    const overdue = sql<SqlBool>`${OPEN_INVOICE} and invoices.due_date < ${s.today}`;
    const signal =
      q.payment === 'paid_late' ? PAID_LATE : q.payment === 'overdue' ? overdue : sql<SqlBool>`((${PAID_LATE}) or (${overdue}))`;
    const lastDay = sql`case when invoices.status = 'paid' then ${LAST_PAID} else ${s.today} end`;
    let query = this.db
      .selectFrom('invoices')
      .innerJoin('accounts', 'accounts.id', 'invoices.account_id')
      .where('invoices.due_date', '>=', s.from)
      .where('invoices.due_date', '<=', s.to)
      .where(signal)
      .where((eb) => inScope(s, eb, 'invoices.account_id'));
    if (q.accountId) query = query.where('invoices.account_id', '=', q.accountId);
    if (q.projectId) query = query.where('invoices.project_id', '=', q.projectId);
    if (pos) query = query.where((eb) => afterCursor(eb, 'invoices.due_date', 'invoices.id', 'desc', pos));
    const rows = await query
      .select(['invoices.id', 'invoices.due_date', 'invoices.account_id', 'accounts.name', 'invoices.project_id', 'invoices.number'])
      .select(['invoices.currency', 'invoices.status', 'invoices.total_minor', BALANCE.as('balance')])
      .select(daysBetween(this.db, sql`invoices.due_date`, lastDay).as('late'))
      .orderBy('invoices.due_date', 'desc')
      .orderBy('invoices.id', 'desc')
      .limit(q.limit + 1)
      .execute();
    return rows.map((r) => ({
      ...blank(r.id, r.due_date!, r.account_id, r.name, r.project_id),
      title: r.number ?? '—',
      daysLate: Number(r.late),
      amountMinor: Number(r.status === 'paid' ? r.total_minor : r.balance),
      currency: r.currency,
    }));
  }
}

function blank(id: string, date: string, accountId: string, accountName: string, projectId: string | null): Row {
  return {
    id,
    date,
    accountId,
    accountName,
    projectId,
    title: '',
    detail: null,
    score: null,
    status: null,
    rootCause: null,
    daysLate: null,
    amountMinor: null,
    currency: null,
  };
}
