import type { Generated } from 'kysely';
import type { CorrectiveActionResult, CorrectiveActionScope, CorrectiveActionStatus } from '../../../common/enums.js';

/** Tables of corrective actions (migration 0034_corrective_actions). */

/** What will change to remove a claim's cause, by whom and when, and the check that closed it. */
export interface CorrectiveActionsTable {
  id: string;
  version: Generated<number>;
  created_at: string;
  updated_at: string;
  scope: CorrectiveActionScope;
  /** The claim, for a claim's action. */
  claim_id: string | null;
  /** A key of the claims' configured root causes, for a root cause's action (a claim's is read from the claim). */
  root_cause: string | null;
  what: string;
  owner_id: string;
  due_on: string;
  check_on: string;
  status: CorrectiveActionStatus;
  result: CorrectiveActionResult | null;
  check_note: string | null;
  /** JSON: the recurrence and satisfaction figures the check was judged on, frozen when recorded. */
  check_figures: string | null;
  checked_at: string | null;
  checked_by_id: string | null;
  /** The action found not effective that this one follows up. */
  follow_up_of_id: string | null;
  created_by_id: string | null;
}

/** A claim an action is about, with its account (for access and the satisfaction of the accounts affected). */
export interface CorrectiveActionClaimsTable {
  action_id: string;
  claim_id: string;
  account_id: string;
}

export interface CorrectiveActionTables {
  corrective_actions: CorrectiveActionsTable;
  corrective_action_claims: CorrectiveActionClaimsTable;
}
