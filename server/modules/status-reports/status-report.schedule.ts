import type { ReportSkipReason } from '../../../common/enums.js';
import type { Database } from '../../db/database.js';
import { backgroundPace } from '../../jobs/pace.js';
import type { Clock } from '../../lib/clock.js';
import { addDays } from '../../lib/dates.js';
import { newId } from '../../lib/ids.js';
import { localDate, localMinutes } from '../../lib/timezone.js';
import type { ContactService } from '../contacts/index.js';
import type { DocumentLifecycle } from '../documents/index.js';
import type { OutboxService } from '../email/index.js';
import type { TimelineLog } from '../timeline/index.js';
import { duePeriod } from './report-period.js';
import { gatherFacts, isEmptyReport } from './status-report.facts.js';
import { periodKey, type ReportProject } from './status-report.repository.js';
import type { StatusReportService } from './status-report.service.js';

/** What one scheduled run did. */
export interface ScheduledRun {
  due: number;
  sent: number;
  skipped: number;
  /** Periods another run (this instance's or another's) had already claimed. */
  alreadyClaimed: number;
  emailsSent: number;
}

/** How far back reported periods are read to know what is still due: longer than any period plus the catch-up window. */
const LOOKBACK_DAYS = 40;
/** Emails sent per round of delivery after a run. */
const DELIVERY_ROUND = 500;
/**
 * The share of the time a run works: the rest is left to requests, so the first of the month
 * (a thousand reports at once) does not slow the app down for the people using it.
 */
const RUN_SHARE = 0.5;

/**
 * The scheduled reports: every project whose schedule's day and hour have come (in the
 * agency's time zone) gets its period's report once. A period is claimed by inserting its
 * row, unique per project and period, in the transaction that makes and queues the report:
 * two runners racing for it (two instances, or a run that outlived its lease) make one report;
 * the other's insert finds the row and does nothing. A project with nobody to send to, or
 * nothing to say, has its period recorded as skipped, with the reason on the timeline.
 */
export class ScheduledReports {
  constructor(
    private readonly db: Database,
    private readonly clock: Clock,
    private readonly reports: StatusReportService,
    private readonly contacts: ContactService,
    private readonly lifecycle: DocumentLifecycle,
    private readonly outbox: OutboxService,
    private readonly timeline: TimelineLog,
  ) {}

  async runDue(): Promise<ScheduledRun> {
    const ctx = await this.reports.context();
    const now = this.clock.now();
    const today = localDate(now, ctx.timeZone);
    const minutes = localMinutes(now, ctx.timeZone);
    const done = await this.reports.repo.reportedSince(addDays(today, -LOOKBACK_DAYS));
    const due = (await this.reports.repo.scheduled()).flatMap((p) => {
      const period = duePeriod({ schedule: p.report_schedule, day: p.report_day, hour: p.report_hour }, today, minutes);
      return period && !done.has(periodKey(p.id, period.from, period.to)) ? [{ project: p, period }] : [];
    });
    const run: ScheduledRun = { due: due.length, sent: 0, skipped: 0, alreadyClaimed: 0, emailsSent: 0 };
    // PDFs render in the worker pool (below requests' priority) while the next reports are made here.
    const renders: Promise<void>[] = [];
    const pace = backgroundPace(RUN_SHARE);
    for (const { project, period } of due) {
      const versionIds = await this.db.transaction().execute(async (t) => {
        const runId = newId();
        const at = this.clock.now().toISOString();
        const claimed = await this.reports.repo.claim(t, {
          id: runId,
          project_id: project.id,
          period_from: period.from,
          period_to: period.to,
          outcome: 'sent',
          reason: null,
          created_at: at,
        });
        if (!claimed) {
          run.alreadyClaimed += 1;
          return [];
        }
        const facts = await gatherFacts(this.reports.repo, t, project, period, ctx);
        const recipients = (await this.contacts.reportRecipients(t, [project.account_id])).get(project.account_id)!;
        const reason: ReportSkipReason | null = !recipients.length ? 'no_recipients' : isEmptyReport(facts) ? 'nothing_to_report' : null;
        if (reason) {
          await this.reports.repo.settle(t, runId, { outcome: 'skipped', reason });
          await this.recordSkip(t, project, period, reason, at);
          run.skipped += 1;
          return [];
        }
        const issued = await this.reports.issue(t, project, facts, recipients, null, null);
        await this.reports.repo.settle(t, runId, { document_ids: JSON.stringify(issued.rows.map((r) => r.id)) });
        run.sent += 1;
        return issued.versionIds;
      });
      renders.push(...versionIds.map((id) => this.lifecycle.renderFrozen(id)));
      await pace();
    }
    await Promise.all(renders);
    // The emails now rather than at the next delivery round; failures are retried and shown.
    for (;;) {
      const round = await this.outbox.deliverDue(DELIVERY_ROUND, pace);
      run.emailsSent += round.sent;
      if (round.sent + round.failed + round.pending < DELIVERY_ROUND) break;
    }
    return run;
  }

  private recordSkip(
    t: Parameters<TimelineLog['recordEvent']>[0],
    p: ReportProject,
    period: { from: string; to: string },
    reason: ReportSkipReason,
    at: string,
  ) {
    return this.timeline.recordEvent(t, {
      accountId: p.account_id,
      kind: 'status_report_skipped',
      actorId: null,
      occurredAt: at,
      data: { projectId: p.id, name: p.name, periodFrom: period.from, periodTo: period.to, reason },
    });
  }
}
