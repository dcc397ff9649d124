/** Enumerations shared by the server, the API contract and the web app. */
export const ROLES = ['admin', 'account_manager', 'specialist', 'finance', 'client'] as const;
export type Role = (typeof ROLES)[number];

/*
 * Who a field that names a person accepts: the server refuses anyone else, and the web app's
 * person pickers search only these roles.
 */
/** An account's owner or backup manager. */
export const ACCOUNT_OWNER_ROLES: readonly Role[] = ['account_manager', 'admin'];
/** The owner of a next step: staff who see internal records. */
export const NEXT_STEP_OWNER_ROLES: readonly Role[] = ['admin', 'account_manager', 'finance'];
/** A task's assignee: specialists alone have work of their own. */
export const TASK_ASSIGNEE_ROLES: readonly Role[] = ['specialist'];

export const ACCOUNT_STATUSES = ['prospect', 'active', 'paused', 'churned'] as const;
export type AccountStatus = (typeof ACCOUNT_STATUSES)[number];

export const DECISION_ROLES = ['decision_maker', 'influencer', 'billing', 'user', 'other'] as const;
export type DecisionRole = (typeof DECISION_ROLES)[number];

export const INTERACTION_TYPES = ['meeting', 'call', 'email', 'note'] as const;
export type InteractionType = (typeof INTERACTION_TYPES)[number];

export const LANGUAGES = ['en', 'ru'] as const;
export type Language = (typeof LANGUAGES)[number];

/** Kinds of entries an account's timeline can show besides logged interactions. */
export const TIMELINE_EVENT_KINDS = [
  'account_created',
  'owner_changed',
  'status_changed',
  'contact_added',
  'next_step_done',
  'invoice_issued',
  'invoice_voided',
  'credit_note_issued',
  'payment_recorded',
  'payment_reversed',
  'follow_up_sent',
  'follow_up_failed',
  'stop_work_set',
  'stop_work_lifted',
  'project_created',
  'stage_changed',
  'plan_submitted',
  'plan_approved',
  'plan_changes_requested',
  'brief_submitted',
  'requirement_agreed',
  'requirement_declined',
  'client_reminded',
  'client_reminder_failed',
  'document_sent',
  'document_cancelled',
  'document_emailed',
  'document_email_failed',
  'invoice_emailed',
  'invoice_email_failed',
  'invoice_downloaded',
  'document_signed',
  'document_declined',
  'status_report_skipped',
  'contract_reminder_sent',
  'contract_reminder_failed',
  'portal_invited',
  'portal_invitation_emailed',
  'portal_invitation_email_failed',
  'portal_joined',
  'portal_access_revoked',
  'request_received',
  'request_answered',
  'request_emailed',
  'request_email_failed',
  'client_notified',
  'client_notification_failed',
  'deal_created',
  'deal_stage_changed',
  'claim_registered',
  'claim_status_changed',
  'claim_resolved',
  'claim_breached',
  'corrective_action_created',
  'corrective_action_checked',
  'objection_logged',
  'objection_result_set',
  'survey_sent',
  'survey_emailed',
  'survey_email_failed',
  'survey_answered',
  'proposal_sent',
  'proposal_viewed',
  'proposal_accepted',
  'proposal_declined',
  'proposal_emailed',
  'proposal_email_failed',
  'loyalty_tier_changed',
] as const;
export type TimelineEventKind = (typeof TIMELINE_EVENT_KINDS)[number];

/**
 * What the timeline can be filtered to: conversations (logged interactions, and the client's
 * requests with their answers) and three groups of system events. Every event kind belongs to
 * exactly one group; a new kind must be placed here.
 */
export const TIMELINE_CATEGORIES = ['conversations', 'system', 'money', 'delivery', 'satisfaction'] as const;
export type TimelineCategory = (typeof TIMELINE_CATEGORIES)[number];

export const TIMELINE_EVENT_CATEGORY: Record<TimelineEventKind, TimelineCategory> = {
  account_created: 'system',
  owner_changed: 'system',
  status_changed: 'system',
  contact_added: 'system',
  next_step_done: 'system',
  invoice_issued: 'money',
  invoice_voided: 'money',
  credit_note_issued: 'money',
  payment_recorded: 'money',
  payment_reversed: 'money',
  follow_up_sent: 'money',
  follow_up_failed: 'money',
  stop_work_set: 'money',
  stop_work_lifted: 'money',
  project_created: 'delivery',
  stage_changed: 'delivery',
  plan_submitted: 'delivery',
  plan_approved: 'delivery',
  plan_changes_requested: 'delivery',
  brief_submitted: 'delivery',
  requirement_agreed: 'delivery',
  requirement_declined: 'delivery',
  client_reminded: 'delivery',
  client_reminder_failed: 'delivery',
  // Paperwork follows the work it documents; an invoice's emails are money.
  document_sent: 'delivery',
  document_cancelled: 'delivery',
  document_emailed: 'delivery',
  document_email_failed: 'delivery',
  document_signed: 'delivery',
  document_declined: 'delivery',
  // A contract's renewal reminders are paperwork; a skipped status report is the project's.
  contract_reminder_sent: 'delivery',
  contract_reminder_failed: 'delivery',
  status_report_skipped: 'delivery',
  invoice_emailed: 'money',
  invoice_email_failed: 'money',
  invoice_downloaded: 'money',
  // Who of the client's people may use the portal is part of the relationship.
  portal_invited: 'system',
  portal_invitation_emailed: 'system',
  portal_invitation_email_failed: 'system',
  portal_joined: 'system',
  portal_access_revoked: 'system',
  // The client's requests and the agency's answers are conversations; the emails telling the managers of them are not.
  request_received: 'conversations',
  request_answered: 'conversations',
  request_emailed: 'system',
  request_email_failed: 'system',
  // The portal's daily digest to a contact of what awaits them.
  client_notified: 'system',
  client_notification_failed: 'system',
  // A deal opened on the account and each move along the pipeline are part of the relationship.
  deal_created: 'system',
  deal_stage_changed: 'system',
  // A client's claims, how they move and any deadline they miss tell how satisfied the client is.
  claim_registered: 'satisfaction',
  claim_status_changed: 'satisfaction',
  claim_resolved: 'satisfaction',
  claim_breached: 'satisfaction',
  // What the agency changes to remove a claim's cause, and whether it worked.
  corrective_action_created: 'satisfaction',
  corrective_action_checked: 'satisfaction',
  // An objection raised on a deal, and what came of it, belong with the deal's events.
  objection_logged: 'system',
  objection_result_set: 'system',
  // Surveys asked of the client's people and their answers.
  survey_sent: 'satisfaction',
  survey_emailed: 'satisfaction',
  survey_email_failed: 'satisfaction',
  survey_answered: 'satisfaction',
  // A proposal's way to the client and the client's answer are part of the sale, like the deal's moves.
  proposal_sent: 'system',
  proposal_viewed: 'system',
  proposal_accepted: 'system',
  proposal_declined: 'system',
  proposal_emailed: 'system',
  proposal_email_failed: 'system',
  // A move between loyalty tiers, with the rules that made it, is part of how the relationship stands.
  loyalty_tier_changed: 'satisfaction',
};

/** The event kinds of the given categories (conversations are mostly interactions, which are not events). */
export const eventKindsOf = (categories: readonly TimelineCategory[]): TimelineEventKind[] =>
  TIMELINE_EVENT_KINDS.filter((k) => categories.includes(TIMELINE_EVENT_CATEGORY[k]));

export const PROJECT_STAGES = ['brief', 'planning', 'in_progress', 'review', 'delivered', 'on_hold', 'closed'] as const;
export type ProjectStage = (typeof PROJECT_STAGES)[number];

/** Where a project may go from each stage; on_hold resumes to the stage it left. */
export const STAGE_TRANSITIONS: Record<ProjectStage, readonly ProjectStage[]> = {
  brief: ['planning', 'on_hold', 'closed'],
  planning: ['brief', 'in_progress', 'on_hold', 'closed'],
  in_progress: ['review', 'on_hold'],
  review: ['in_progress', 'delivered', 'on_hold'],
  delivered: ['review', 'closed'],
  on_hold: ['brief', 'planning', 'in_progress', 'review', 'closed'],
  closed: [],
};

/** `changes_requested`: the client sent the submitted plan back; `changed`: a milestone changed after approval. */
export const PLAN_STATUSES = ['draft', 'submitted', 'approved', 'changed', 'changes_requested'] as const;
export type PlanStatus = (typeof PLAN_STATUSES)[number];

/** Which projects a delivery report covers: the accounts one owns, or every account one can see. */
export const REPORT_SCOPES = ['mine', 'all'] as const;
export type ReportScopeName = (typeof REPORT_SCOPES)[number];

export const MILESTONE_STATUSES = ['planned', 'in_progress', 'done'] as const;
export type MilestoneStatus = (typeof MILESTONE_STATUSES)[number];
export const REQUIREMENT_PARTIES = ['client', 'company'] as const;
export type RequirementParty = (typeof REQUIREMENT_PARTIES)[number];
export const REQUIREMENT_STATUSES = ['proposed', 'agreed', 'rejected', 'changed'] as const;
export type RequirementStatus = (typeof REQUIREMENT_STATUSES)[number];
export const TASK_STATUSES = ['todo', 'in_progress', 'blocked', 'review', 'done'] as const;
export type TaskStatus = (typeof TASK_STATUSES)[number];
export const REPORT_SCHEDULES = ['none', 'weekly', 'monthly'] as const;
export type ReportSchedule = (typeof REPORT_SCHEDULES)[number];
/** What a project's acts of completed work charge: hours spent by role × the role's rate, or the milestones' fixed prices. */
export const ACT_BASES = ['hours', 'milestones'] as const;
export type ActBasis = (typeof ACT_BASES)[number];
/** Why a scheduled status report was not sent for its period. */
export const REPORT_SKIP_REASONS = ['no_recipients', 'nothing_to_report'] as const;
export type ReportSkipReason = (typeof REPORT_SKIP_REASONS)[number];

/** Kinds of work a project can be; each has its own brief questionnaire. */
export const WORK_KINDS = ['seo', 'copywriting', 'usability', 'analytics', 'context_ads', 'design', 'development', 'other'] as const;
export type WorkKind = (typeof WORK_KINDS)[number];

/** What a catalog service's price is per: an hour of work, a month of it, a piece (an article, a page), or a whole project. */
export const SERVICE_UNITS = ['hour', 'month', 'piece', 'project'] as const;
export type ServiceUnit = (typeof SERVICE_UNITS)[number];

/** Default specialist roles; the list in use is a setting. */
export const DEFAULT_SPECIALIST_ROLES = [
  'seo',
  'copywriter',
  'usability',
  'analytics',
  'context_ads',
  'designer',
  'developer',
  'other',
] as const;

/** Invoice statuses as the API shows them; `overdue` is derived from the due date when read. */
export const INVOICE_STATUSES = ['draft', 'issued', 'partially_paid', 'paid', 'overdue', 'void'] as const;
export type InvoiceStatus = (typeof INVOICE_STATUSES)[number];
/** The statuses an invoice is stored with: `overdue` is never stored. */
export type StoredInvoiceStatus = Exclude<InvoiceStatus, 'overdue'>;
export const INVOICE_KINDS = ['invoice', 'credit_note'] as const;
export type InvoiceKind = (typeof INVOICE_KINDS)[number];
export const PAYMENT_STATUSES = ['recorded', 'reversed'] as const;
export type PaymentStatus = (typeof PAYMENT_STATUSES)[number];
/** Receivables aging: not yet due, then days past the due date. */
export const AGING_BUCKETS = ['current', 'd1_30', 'd31_60', 'd61_90', 'd90_plus'] as const;
export type AgingBucket = (typeof AGING_BUCKETS)[number];
/** Follow-up work for people: a call to the client, or an alert to read and act on. */
export const BILLING_ACTION_KINDS = ['call', 'alert'] as const;
export type BillingActionKind = (typeof BILLING_ACTION_KINDS)[number];
export const EMAIL_STATUSES = ['pending', 'sent', 'failed'] as const;
export type EmailStatus = (typeof EMAIL_STATUSES)[number];

/** Where a next step stands: open (not yet due or undated), overdue (its date passed), done. */
export const NEXT_STEP_STATES = ['open', 'overdue', 'done'] as const;
export type NextStepState = (typeof NEXT_STEP_STATES)[number];

/** Paperwork: what a document is, and where it stands in its life. */
export const DOCUMENT_KINDS = ['contract', 'act', 'status_report', 'proposal', 'other'] as const;
export type DocumentKind = (typeof DOCUMENT_KINDS)[number];
/** Kinds the client signs or declines (a status report is only read). */
export const SIGNABLE_DOCUMENT_KINDS: readonly DocumentKind[] = ['contract', 'act', 'proposal'];
/** Kinds a client user sees in the portal once sent; `other` stays internal. */
export const CLIENT_DOCUMENT_KINDS: readonly DocumentKind[] = ['contract', 'act', 'status_report', 'proposal'];
export const DOCUMENT_STATUSES = ['draft', 'sent', 'signed', 'declined', 'cancelled'] as const;
export type DocumentStatus = (typeof DOCUMENT_STATUSES)[number];
/** What happens when a contract ends: nothing, renewed by a new agreement, or renewed automatically unless either party objects. */
export const CONTRACT_RENEWALS = ['none', 'manual', 'automatic'] as const;
export type ContractRenewal = (typeof CONTRACT_RENEWALS)[number];
/** Days before a contract's end its owner is reminded. */
export const CONTRACT_REMINDER_DAYS = [30, 7] as const;
/** The life cycle: numbered and frozen when first sent; signed or declined by the client; cancelled before that. */
export const DOCUMENT_TRANSITIONS: Record<DocumentStatus, readonly DocumentStatus[]> = {
  draft: ['sent', 'cancelled'],
  sent: ['signed', 'declined', 'cancelled'],
  signed: [],
  declined: [],
  cancelled: [],
};

/**
 * The sales pipeline: open stages in order, then the two closing ones. Names (per language) and
 * default probabilities of the stages are settings; their keys are fixed.
 */
export const DEAL_STAGES = ['qualified', 'meeting', 'proposal', 'negotiation', 'won', 'lost'] as const;
export type DealStage = (typeof DEAL_STAGES)[number];
export const DEAL_OPEN_STAGES = ['qualified', 'meeting', 'proposal', 'negotiation'] as const satisfies readonly DealStage[];
export type DealOpenStage = (typeof DEAL_OPEN_STAGES)[number];
/** Where a deal stands: open (in any open stage), won or lost. */
export const DEAL_STATES = ['open', 'won', 'lost'] as const;
export type DealState = (typeof DEAL_STATES)[number];
/** How the deals list sorts: expected close date, next step date (soonest first) or amount (largest first). */
export const DEAL_SORTS = ['close', 'next_step', 'amount'] as const;
export type DealSort = (typeof DEAL_SORTS)[number];
/** The owner of a deal: someone who manages accounts. */
export const DEAL_OWNER_ROLES: readonly Role[] = ['account_manager', 'admin'];

/**
 * Where a deal may go from a stage. An open deal moves to any other open stage (forwards or
 * back, as talks go), or closes as won or lost. A lost deal may be reopened in an open stage
 * (the client came back); a won deal stays won (the work that follows is a project).
 */
export function dealMovesFrom(from: DealStage): DealStage[] {
  if (from === 'won') return [];
  if (from === 'lost') return [...DEAL_OPEN_STAGES];
  return DEAL_STAGES.filter((s) => s !== from);
}

/**
 * A client's claim (a complaint) moves received → in_progress → resolved → closed. PRODUCT.md's
 * open / investigating / action_planned / resolved / closed map onto it: open is received,
 * investigating and action_planned are both in_progress (the plan is written on the claim).
 */
export const CLAIM_STATUSES = ['received', 'in_progress', 'resolved', 'closed'] as const;
export type ClaimStatus = (typeof CLAIM_STATUSES)[number];
export const CLAIM_SEVERITIES = ['low', 'medium', 'high', 'critical'] as const;
export type ClaimSeverity = (typeof CLAIM_SEVERITIES)[number];
/** Who registered a claim: a manager on the account page, the client in the portal, or a low survey answer. */
export const CLAIM_SOURCES = ['manager', 'portal', 'survey'] as const;
export type ClaimSource = (typeof CLAIM_SOURCES)[number];
/** The two deadlines a claim has, each breached at most once. */
export const CLAIM_DEADLINES = ['respond', 'resolve'] as const;
export type ClaimDeadline = (typeof CLAIM_DEADLINES)[number];
/** How a claim was closed: the client confirmed the resolution, staff closed it, or it closed itself after the settings' days. */
export const CLAIM_CLOSINGS = ['client', 'staff', 'auto'] as const;
export type ClaimClosing = (typeof CLAIM_CLOSINGS)[number];
/** Where a claim may go from each status: a resolution the client disputes goes back to in_progress; a closed claim stays closed. */
export const CLAIM_TRANSITIONS: Record<ClaimStatus, readonly ClaimStatus[]> = {
  received: ['in_progress'],
  in_progress: ['resolved'],
  resolved: ['in_progress', 'closed'],
  closed: [],
};
/**
 * A corrective action is for one claim or for a root cause that recurs across claims; it stays
 * open until its effectiveness check records a result, and a result closes it for good.
 */
export const CORRECTIVE_ACTION_SCOPES = ['claim', 'root_cause'] as const;
export type CorrectiveActionScope = (typeof CORRECTIVE_ACTION_SCOPES)[number];
export const CORRECTIVE_ACTION_STATUSES = ['open', 'checked'] as const;
export type CorrectiveActionStatus = (typeof CORRECTIVE_ACTION_STATUSES)[number];
export const CORRECTIVE_ACTION_RESULTS = ['effective', 'not_effective'] as const;
export type CorrectiveActionResult = (typeof CORRECTIVE_ACTION_RESULTS)[number];
/** What came of an objection: not known yet, overcome by the answer, or not overcome. */
export const OBJECTION_RESULTS = ['open', 'overcome', 'lost'] as const;
export type ObjectionResult = (typeof OBJECTION_RESULTS)[number];
/** Satisfaction surveys: Net Promoter Score (0–10) and customer satisfaction (1–5). */
export const SURVEY_KINDS = ['nps', 'csat'] as const;
export type SurveyKind = (typeof SURVEY_KINDS)[number];
/** What sent a survey: a manager, a milestone done, a project delivered, the quarterly relationship survey. */
export const SURVEY_TRIGGERS = ['manual', 'milestone', 'delivery', 'quarterly'] as const;
export type SurveyTrigger = (typeof SURVEY_TRIGGERS)[number];
/** A survey's state as read now: waiting for an answer, answered, or past its date unanswered. */
export const SURVEY_STATES = ['pending', 'answered', 'expired'] as const;
export type SurveyState = (typeof SURVEY_STATES)[number];
/** What a low answer opens for the account's owner. */
export const SURVEY_FOLLOW_UPS = ['next_step', 'claim'] as const;
export type SurveyFollowUp = (typeof SURVEY_FOLLOW_UPS)[number];

/**
 * A proposal: a draft until sent; sent until the client decides; `expired` is a sent one past its
 * validity (computed when read, never stored).
 */
export const PROPOSAL_STATUSES = ['draft', 'sent', 'accepted', 'declined', 'expired'] as const;
export type ProposalStatus = (typeof PROPOSAL_STATUSES)[number];
