import type { ContactService } from '../contacts/index.js';
import type { DocumentLifecycle, DocumentService } from '../documents/index.js';
import type { OutboxService } from '../email/index.js';
import { defineModule, type ModuleContext } from '../module.js';
import type { ClientNotifier } from '../notifications/index.js';
import type { ProjectService } from '../projects/index.js';
import type { AgencyCalendar } from '../settings/index.js';
import type { RoleSettingsService } from '../tasks/index.js';
import type { TimelineLog } from '../timeline/index.js';
import { statusReportAgenda } from './status-report.agenda.js';
import { statusReportJobs } from './status-report.jobs.js';
import { statusReportRoutes } from './status-report.routes.js';
import { ScheduledReports } from './status-report.schedule.js';
import { StatusReportService } from './status-report.service.js';

export type { StatusReportService } from './status-report.service.js';
export type { ScheduledReports, ScheduledRun } from './status-report.schedule.js';
export { STATUS_REPORT_JOB } from './status-report.jobs.js';

interface StatusReportDeps {
  calendar: AgencyCalendar;
  projects: ProjectService;
  contacts: ContactService;
  documents: DocumentService;
  documentLifecycle: DocumentLifecycle;
  roles: RoleSettingsService;
  outbox: OutboxService;
  timeline: TimelineLog;
  notifications: ClientNotifier;
}

/** Status reports of projects: on demand, and on each project's schedule once per period across instances. */
export function createStatusReportsModule(ctx: ModuleContext, deps: StatusReportDeps) {
  const statusReports = new StatusReportService(
    ctx.db,
    deps.calendar,
    deps.projects,
    deps.contacts,
    deps.documents,
    deps.documentLifecycle,
    deps.roles,
    deps.notifications,
  );
  const scheduledReports = new ScheduledReports(
    ctx.db,
    ctx.clock,
    statusReports,
    deps.contacts,
    deps.documentLifecycle,
    deps.outbox,
    deps.timeline,
  );
  return defineModule({
    statusReports,
    scheduledReports,
    routes: statusReportRoutes(statusReports),
    jobs: statusReportJobs(scheduledReports),
    timelineEvents: ['status_report_skipped'],
    agenda: [statusReportAgenda(ctx.db)],
  });
}
