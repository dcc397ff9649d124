import { everyMinutes } from '../../jobs/job.runner.js';
import type { JobDefinition } from '../../jobs/job.service.js';
import type { ScheduledReports } from './status-report.schedule.js';

export const STATUS_REPORT_JOB = 'documents.status_reports';

/**
 * Looks for due reports every quarter of an hour. The job's lease keeps runs apart, but what
 * makes each period's report happen once is its row, unique per project and period.
 */
export function statusReportJobs(scheduled: ScheduledReports): JobDefinition[] {
  return [
    {
      name: STATUS_REPORT_JOB,
      dueKey: everyMinutes(15),
      run: async () => ({ ...(await scheduled.runDue()) }),
      leaseMs: 10 * 60_000,
    },
  ];
}
