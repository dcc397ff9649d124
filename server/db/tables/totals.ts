/** Running totals kept by triggers (migration 0005_speed): never written by the app. */

/** Per project and task role (null for none): all tasks, open and blocked ones, hours spent. */
export interface ProjectTaskTotalsTable {
  project_id: string;
  role: string | null;
  row_count: number;
  open_count: number;
  blocked_count: number;
  /** Hours spent, summed as whole micro-hours. */
  spent_micro: number;
}

/** Open tasks with an assignee, per assignee and due date (null for none). */
export interface OpenTaskTotalsTable {
  assignee_id: string;
  due_date: string | null;
  row_count: number;
  /** Estimate minus spent, never below zero, summed as whole micro-hours. */
  remaining_micro: number;
}

/** Open invoices (issued or partially paid), per currency and due date. */
export interface ReceivableTotalsTable {
  currency: string;
  due_date: string | null;
  row_count: number;
  balance_minor: number;
}

export interface TotalsTables {
  project_task_totals: ProjectTaskTotalsTable;
  open_task_totals: OpenTaskTotalsTable;
  receivable_totals: ReceivableTotalsTable;
}

/** Micro-hours per hour: the totals' unit for hours. */
export const MICRO_HOURS = 1_000_000;
