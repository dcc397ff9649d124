import type { Generated } from 'kysely';
import type { AccountStatus, DecisionRole, InteractionType, Language, Role, TimelineEventKind } from '../../common/enums.js';
import type { AuditAction } from '../../common/schemas/audit.js';
import type { HealthGrade } from '../../common/schemas/health.js';
import type { AccessLinkTables } from './tables/access-links.js';
import type { AuthTables } from './tables/auth.js';
import type { ClientNotificationTables } from './tables/client-notifications.js';
import type { BillingTables } from './tables/billing.js';
import type { CatalogTables } from './tables/catalog.js';
import type { ClientMessageTables } from './tables/client-messages.js';
import type { DealTables } from './tables/deals.js';
import type { ClaimTables } from './tables/claims.js';
import type { CorrectiveActionTables } from './tables/corrective-actions.js';
import type { SurveyTables } from './tables/surveys.js';
import type { ProposalTables } from './tables/proposals.js';
import type { DeliveryTables } from './tables/delivery.js';
import type { DocumentTables } from './tables/documents.js';
import type { ObjectionTables } from './tables/objections.js';
import type { StatusReportTables } from './tables/status-reports.js';
import type { TotalsTables } from './tables/totals.js';
import type { TodayTables } from './tables/today.js';
import type { LoyaltyTables } from './tables/loyalty.js';
import type { HealthTables } from './tables/health.js';
import type { StaffInboxTables } from './tables/staff-inbox.js';
import type { WebhookTables } from './tables/webhooks.js';
import type { DropboxTables } from './tables/dropbox.js';
import type { ImportTables } from './tables/imports.js';
import type { SearchTables } from './tables/search.js';
import type { CalendarFeedTables } from './tables/calendar-feeds.js';
import type { PrivacyTables } from './tables/privacy.js';

/** Column types as both dialects return them (see database.ts type parsers). */
interface Versioned {
  id: string;
  version: Generated<number>;
  created_at: string;
  updated_at: string;
}

export interface UsersTable extends Versioned {
  email: string;
  name: string;
  role: Role;
  password_hash: string;
  specialties: string; // JSON array
  contact_id: string | null;
  account_id: string | null; // the client company, for client users
  active: number;
  language: Language;
  search_text: string;
  capacity_hours_per_week: Generated<number>;
  phone: string | null;
}

/** A user's photo: PNG or JPEG bytes in base64. */
export interface UserPhotosTable {
  user_id: string;
  content_type: 'image/png' | 'image/jpeg';
  base64: string;
  sha256: string;
  updated_at: string;
}

export interface SessionsTable {
  id: string; // sha-256 of the cookie value
  user_id: string;
  created_at: string;
  expires_at: string;
  last_seen_at: string;
}

export interface ApiTokensTable {
  id: string;
  user_id: string;
  name: string;
  prefix: string;
  token_hash: string;
  created_at: string;
  last_used_at: string | null;
  revoked_at: string | null;
}

export interface LoginFailuresTable {
  id: string;
  key: string;
  failed_at: string;
}

export interface SettingsTable {
  key: string;
  value: string;
}

export interface AccountsTable extends Versioned {
  name: string;
  search_text: string;
  status: AccountStatus;
  industry: string | null;
  website: string | null;
  owner_id: string | null;
  backup_owner_id: string | null;
  currency: string;
  payment_terms_days: number;
  credit_limit_minor: number | null;
  language: Language;
  stop_work_since: string | null; // billing: set by the 30-day follow-up or by finance
  stop_work_reason: string | null;
  stop_work_wording: string | null; // the policy's reason as [code, params], worded per reader
  /** The day the account first became a client (status active); tenure is counted from it (migration 0035). */
  client_since: Generated<string | null>;
  /** The latest health score, -1 while there is none (migration 0038). */
  health_score: Generated<number>;
  health_grade: Generated<HealthGrade | null>;
  /** The import that created the account, if one did (migration 0047). */
  import_id: Generated<string | null>;
}

export interface ContactsTable extends Versioned {
  account_id: string;
  first_name: string;
  last_name: string | null;
  sort_name: string;
  email: string | null;
  phone: string | null;
  position: string | null;
  decision_role: DecisionRole | null;
  portal_access: number;
  search_text: string;
  /** 1 when the contact receives the projects' status reports. */
  receives_reports: Generated<number>;
  /** The language the contact reads; null for the account's. */
  language: Language | null;
  /** The import that created the contact, if one did (migration 0047). */
  import_id: Generated<string | null>;
}

export interface InteractionsTable extends Versioned {
  account_id: string;
  type: InteractionType;
  occurred_at: string;
  summary: string;
  outcome: string | null;
  deal_id: string | null;
  project_id: string | null;
  author_id: string | null;
  search_text: string;
  /** The import that created the interaction, if one did (migration 0047). */
  import_id: Generated<string | null>;
}

export interface NextStepsTable extends Versioned {
  account_id: string;
  /** The interaction it was agreed in; null for one added on its own. */
  interaction_id: string | null;
  owner_id: string;
  text: string;
  due_date: string | null;
  done_at: string | null;
  done_by_id: string | null;
  created_by_id: string | null;
}

export interface InteractionContactsTable {
  interaction_id: string;
  contact_id: string;
}

export interface TimelineEventsTable {
  id: string;
  account_id: string;
  occurred_at: string;
  kind: TimelineEventKind;
  actor_id: string | null;
  data: string; // JSON object
}

export interface AuditLogTable {
  id: string;
  at: string;
  actor_id: string | null;
  record_type: string;
  record_id: string;
  action: AuditAction;
  changes: string; // JSON object: field -> {before, after}
  /** The record's name when the entry was written (a deleted record keeps it). */
  record_label: string | null;
  /** JSON: `{ currency?, accountId?, projectId? }`, what its values need to be read. */
  context: string | null;
}

/**
 * Every table; later areas add their own interfaces beside this file and extend it here.
 * Enumerated columns are typed as their unions (from `common/enums.ts`): the database stores
 * text, so what is written is held to them by the request schemas and, in code, by these types.
 */
export interface DB
  extends
    DeliveryTables,
    BillingTables,
    AuthTables,
    TotalsTables,
    DocumentTables,
    StatusReportTables,
    AccessLinkTables,
    ClientMessageTables,
    ClientNotificationTables,
    DealTables,
    CatalogTables,
    ClaimTables,
    CorrectiveActionTables,
    ObjectionTables,
    SurveyTables,
    ProposalTables,
    TodayTables,
    LoyaltyTables,
    StaffInboxTables,
    HealthTables,
    WebhookTables,
    DropboxTables,
    ImportTables,
    SearchTables,
    CalendarFeedTables,
    PrivacyTables {
  users: UsersTable;
  user_photos: UserPhotosTable;
  sessions: SessionsTable;
  api_tokens: ApiTokensTable;
  login_failures: LoginFailuresTable;
  settings: SettingsTable;
  accounts: AccountsTable;
  contacts: ContactsTable;
  interactions: InteractionsTable;
  next_steps: NextStepsTable;
  interaction_contacts: InteractionContactsTable;
  timeline_events: TimelineEventsTable;
  audit_log: AuditLogTable;
}
