import type { Kysely } from 'kysely';
import type { Language } from '../../../common/enums.js';
import type { Document } from '../../../common/schemas/document.js';
import type { ReportRecipient, StatusReportCreate, StatusReportFacts, StatusReportPreview } from '../../../common/schemas/status-report.js';
import type { Database } from '../../db/database.js';
import type { DB } from '../../db/schema.js';
import { conflict, fieldError } from '../../lib/errors.js';
import { assertCanManageDelivery, assertCanManageDocuments, owningAccount, type Actor } from '../access/index.js';
import type { ContactService } from '../contacts/index.js';
import type { DocumentLifecycle, DocumentService } from '../documents/index.js';
import type { ClientNotifier } from '../notifications/index.js';
import type { ProjectService } from '../projects/index.js';
import type { AgencyCalendar } from '../settings/index.js';
import type { RoleSettingsService } from '../tasks/index.js';
import { lastPeriod, type ReportPeriod } from './report-period.js';
import { gatherFacts, isEmptyReport, type ReportContext } from './status-report.facts.js';
import { StatusReportRepository, type ReportProject } from './status-report.repository.js';

/** The period asked for, or the project's last schedule period; both ends or neither. */
function chosenPeriod(project: ReportProject, today: string, q: { periodFrom?: string; periodTo?: string }): ReportPeriod {
  if (!q.periodFrom && !q.periodTo) {
    return lastPeriod({ schedule: project.report_schedule, day: project.report_day, hour: project.report_hour }, today);
  }
  if (!q.periodFrom || !q.periodTo) throw fieldError(q.periodFrom ? 'periodTo' : 'periodFrom', 'status_report.period_incomplete');
  if (q.periodTo < q.periodFrom) throw fieldError('periodTo', 'status_report.period_order');
  return { from: q.periodFrom, to: q.periodTo };
}

/** Recipients by the language they read: one report each, worded for them. */
export function byLanguage(recipients: ReportRecipient[]): Map<Language, ReportRecipient[]> {
  const groups = new Map<Language, ReportRecipient[]>();
  for (const r of recipients) groups.set(r.language, [...(groups.get(r.language) ?? []), r]);
  return groups;
}

/**
 * Status reports of a project: what it would say (preview), and the report made and emailed
 * with its PDF to the account's contacts who receive reports, one document per language they
 * read. Each is a `status_report` document: numbered and frozen when sent, on the timeline,
 * and readable by the client's users like every sent document of their company.
 */
export class StatusReportService {
  readonly repo: StatusReportRepository;

  constructor(
    private readonly db: Database,
    private readonly calendar: AgencyCalendar,
    private readonly projects: ProjectService,
    private readonly contacts: ContactService,
    private readonly documents: DocumentService,
    private readonly lifecycle: DocumentLifecycle,
    private readonly roles: RoleSettingsService,
    private readonly notifier: ClientNotifier,
  ) {
    this.repo = new StatusReportRepository(db);
  }

  /** Today, the time zone and the rates, read once for a run of many reports. */
  async context(t: Kysely<DB> = this.db): Promise<ReportContext> {
    return { today: await this.calendar.today(t), timeZone: await this.calendar.timeZone(t), rates: (await this.roles.load(t)).roleRates };
  }

  /** The project if the actor may make its reports: 404 when unreadable, 403 when read-only for them. */
  private async reportable(actor: Actor, projectId: string, t: Kysely<DB>): Promise<ReportProject> {
    const row = await this.projects.readable(actor, projectId, t);
    assertCanManageDelivery(actor, owningAccount(row));
    assertCanManageDocuments(actor, owningAccount(row));
    return (await this.repo.project(projectId, t))!;
  }

  async preview(actor: Actor, projectId: string, q: { periodFrom?: string; periodTo?: string }): Promise<StatusReportPreview> {
    const project = await this.reportable(actor, projectId, this.db);
    const ctx = await this.context();
    const facts = await gatherFacts(this.repo, this.db, project, chosenPeriod(project, ctx.today, q), ctx);
    const recipients = (await this.contacts.reportRecipients(this.db, [project.account_id])).get(project.account_id)!;
    return { facts, recipients, empty: isEmptyReport(facts) };
  }

  /** Makes the report of the period; sends it unless asked to keep a draft. Nobody to send it to is a 409 that says so. */
  async create(actor: Actor, projectId: string, input: StatusReportCreate): Promise<{ documents: Document[]; recipients: string[] }> {
    const made = await this.db.transaction().execute(async (t) => {
      const project = await this.reportable(actor, projectId, t);
      const ctx = await this.context(t);
      const facts = await gatherFacts(this.repo, t, project, chosenPeriod(project, ctx.today, input), ctx);
      if (input.send === false) {
        const draft = await this.documents.insertReport(t, newReport(project, project.account_language, facts), actor.id);
        return { rows: [draft], versionIds: [], recipients: [] };
      }
      const recipients = (await this.contacts.reportRecipients(t, [project.account_id])).get(project.account_id)!;
      if (!recipients.length) throw conflict('status_report.no_recipients', { account: project.account_name });
      return this.issue(t, project, facts, recipients, actor.id, input.message ?? null);
    });
    await this.lifecycle.afterIssue(made.versionIds);
    return {
      documents: await Promise.all(made.rows.map((r) => this.documents.get(actor, r.id))),
      recipients: made.recipients,
    };
  }

  /** In the caller's transaction: a report per language of the recipients, each numbered, frozen and emailed to them. */
  async issue(
    t: Kysely<DB>,
    project: ReportProject,
    facts: StatusReportFacts,
    recipients: ReportRecipient[],
    by: string | null,
    message: string | null,
  ) {
    const rows = [];
    const versionIds = [];
    for (const [language, group] of byLanguage(recipients)) {
      const draft = await this.documents.insertReport(t, newReport(project, language, facts), by);
      const issued = await this.lifecycle.issue(
        t,
        draft,
        by,
        group.map((r) => r.email),
        message,
      );
      rows.push(issued.row);
      versionIds.push(issued.versionId);
    }
    // Portal contacts who are not sent the report itself are told it is ready.
    const notice = {
      accountId: project.account_id,
      kind: 'status_report',
      subjectId: rows[0].id,
      params: { project: project.name },
    } as const;
    await this.notifier.notifyClients({ ...notice, path: `/portal/projects/${project.id}`, except: recipients.map((r) => r.email) }, t);
    return { rows, versionIds, recipients: recipients.map((r) => r.email) };
  }
}

const newReport = (project: ReportProject, language: Language, facts: StatusReportFacts) => ({
  accountId: project.account_id,
  accountName: project.account_name,
  projectId: project.id,
  projectName: project.name,
  language,
  currency: project.currency,
  facts,
});
