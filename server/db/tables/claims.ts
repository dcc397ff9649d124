import type { Generated } from 'kysely';
import type { ClaimClosing, ClaimDeadline, ClaimSeverity, ClaimSource, ClaimStatus } from '../../../common/enums.js';

/** Tables of claims (migration 0033_claims). */

/** A client's claim: what went wrong, its deadlines by severity, and how it was resolved and closed. */
export interface ClaimsTable {
  id: string;
  version: Generated<number>;
  created_at: string;
  updated_at: string;
  account_id: string;
  project_id: string | null;
  /** A key of the configured categories. */
  category: string;
  severity: ClaimSeverity;
  description: string;
  source: ClaimSource;
  status: ClaimStatus;
  /** created_at plus the severity's hours (calendar hours), as the settings were at registration. */
  respond_by: string;
  resolve_by: string;
  /** When it first moved to in_progress. */
  responded_at: string | null;
  resolved_at: string | null;
  closed_at: string | null;
  closed_how: ClaimClosing | null;
  /** A key of the configured root causes, set on resolution (internal). */
  root_cause: string | null;
  root_cause_note: string | null;
  /** What the client is told was done. */
  resolution: string | null;
  internal_note: string | null;
  created_by_id: string | null;
  /** The description and the account's name, folded (lib/text.ts), for `?q=`. */
  search_text: string;
}

/** A specialist (`user`) or project involved in a claim: internal, for analysis. */
export interface ClaimLinksTable {
  claim_id: string;
  kind: 'user' | 'project';
  ref_id: string;
}

/** A missed deadline of a claim: one row per claim and deadline, so it alerts once. */
export interface ClaimBreachesTable {
  id: string;
  claim_id: string;
  account_id: string;
  deadline: ClaimDeadline;
  due_at: string;
  recorded_at: string;
  /** How many people were emailed. */
  alerted: number;
}

export interface ClaimTables {
  claims: ClaimsTable;
  claim_links: ClaimLinksTable;
  claim_breaches: ClaimBreachesTable;
}
