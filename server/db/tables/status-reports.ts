import type { Generated } from 'kysely';

/** Tables of the status reports (migration 0017_status_reports). */

/** One scheduled status report period of a project: unique per project and period, sent or skipped with a reason. */
export interface StatusReportRunsTable {
  id: string;
  project_id: string;
  period_from: string;
  period_to: string;
  outcome: 'sent' | 'skipped';
  reason: string | null;
  document_ids: Generated<string>; // JSON array
  created_at: string;
}

export interface StatusReportTables {
  status_report_runs: StatusReportRunsTable;
}
