import type { Generated } from 'kysely';
import type {
  ActBasis,
  Language,
  MilestoneStatus,
  PlanStatus,
  ProjectStage,
  ReportSchedule,
  RequirementParty,
  RequirementStatus,
  TaskStatus,
  WorkKind,
} from '../../../common/enums.js';

interface Versioned {
  id: string;
  version: Generated<number>;
  created_at: string;
  updated_at: string;
}

export interface ProjectsTable extends Versioned {
  account_id: string;
  name: string;
  search_text: string;
  kind: WorkKind;
  stage: ProjectStage;
  /** The stage to return to when a project on hold resumes. */
  stage_before_hold: ProjectStage | null;
  start_date: string | null;
  due_date: string | null;
  budget_minor: number | null;
  currency: string;
  report_schedule: ReportSchedule;
  /** Weekly: the weekday (1 Monday … 7 Sunday); monthly: the day of the month (1–28). */
  report_day: Generated<number>;
  /** The hour (0–23) in the agency's time zone. */
  report_hour: Generated<number>;
  /** 1 when status reports show the client the budget and how much of it is used. */
  share_budget: Generated<number>;
  /** What the project's acts are priced by (migration 0016). */
  act_basis: Generated<ActBasis>;
  plan_status: PlanStatus;
  plan_submitted_at: string | null;
  plan_approved_at: string | null;
  plan_approved_by_id: string | null;
  plan_approval_note: string | null;
  brief_questions: string; // JSON [{id, text}] copied from the template when the project starts
}

export interface ProjectMembersTable {
  project_id: string;
  user_id: string;
  role: string;
}

export interface MilestonesTable extends Versioned {
  project_id: string;
  title: string;
  due_date: string;
  status: MilestoneStatus;
  client_approved_at: string | null;
  /** The fixed price an act by milestones charges for it, in the project's currency. */
  price_minor: number | null;
  /** The day (agency's time zone) it was marked done; null while it is not. */
  done_on: string | null;
}

export interface RequirementsTable extends Versioned {
  project_id: string;
  party: RequirementParty;
  text: string;
  status: RequirementStatus;
  agreed_by_id: string | null;
  agreed_at: string | null;
}

export interface RequirementHistoryTable {
  id: string;
  requirement_id: string;
  text: string;
  status: RequirementStatus;
  changed_by_id: string | null;
  changed_at: string;
  note: string | null;
}

export interface BriefTemplatesTable {
  kind: WorkKind;
  language: Language; // one questionnaire per kind of work and language
  questions: string; // JSON [{id, text}]
  updated_at: string;
}

export interface BriefAnswersTable {
  project_id: string;
  question_id: string;
  answer: string;
  answered_by_id: string | null;
  answered_at: string;
}

/** A project's brief sent by the client as complete (migration 0020); no row while it is a draft. */
export interface BriefSubmissionsTable {
  project_id: string;
  submitted_at: string;
  submitted_by_id: string | null;
}

export interface TasksTable extends Versioned {
  project_id: string;
  account_id: string; // copied from the project so access checks need no join
  title: string;
  search_text: string;
  assignee_id: string | null;
  role: string | null;
  status: TaskStatus;
  blocked_reason: string | null;
  due_date: string | null;
  estimate_hours: number;
  spent_hours: number;
  milestone_id: string | null;
  /** The day (agency's time zone) it was marked done; null while it is not. */
  done_on: string | null;
}

export interface TaskCommentsTable {
  id: string;
  task_id: string;
  author_id: string | null;
  body: string;
  created_at: string;
}

export interface DeliveryTables {
  projects: ProjectsTable;
  project_members: ProjectMembersTable;
  milestones: MilestonesTable;
  requirements: RequirementsTable;
  requirement_history: RequirementHistoryTable;
  brief_templates: BriefTemplatesTable;
  brief_answers: BriefAnswersTable;
  brief_submissions: BriefSubmissionsTable;
  tasks: TasksTable;
  task_comments: TaskCommentsTable;
}
