import type { Generated } from 'kysely';
import type { ObjectionResult } from '../../../common/enums.js';

/** Tables of the objections playbook (migration 0028_objections). */

/** What a client objected to on a deal, the answer given, and what came of it. */
export interface ObjectionsTable {
  id: string;
  version: Generated<number>;
  created_at: string;
  updated_at: string;
  deal_id: string;
  /** The deal's account, kept for access scopes and the timeline. */
  account_id: string;
  /** The meeting it was raised in, one of the account's interactions. */
  interaction_id: string | null;
  /** A key of the configured categories. */
  category: string;
  text: string;
  response: string | null;
  /** The playbook answer the response counts for: the hash of the normalised words it was picked from, or of its own. */
  answer_key: string | null;
  result: ObjectionResult;
  created_by_id: string | null;
}

export interface ObjectionTables {
  objections: ObjectionsTable;
}
