import type { Generated } from 'kysely';
import type { DealStage } from '../../../common/enums.js';

/** Tables of the sales pipeline (migration 0026_deals). */

/** A deal: a sale to an account (a prospect's new business or a client's upsell) moving through the pipeline. */
export interface DealsTable {
  id: string;
  version: Generated<number>;
  created_at: string;
  updated_at: string;
  account_id: string;
  title: string;
  /** Integer minor units of `currency`. */
  amount: number;
  currency: string;
  stage: DealStage;
  /** Whole percent, 0–100: the stage's default unless someone set another. */
  probability: number;
  expected_close_date: string;
  /** Required while the deal is open (the service enforces it); kept as it was once closed. */
  next_step: string | null;
  next_step_due: string | null;
  owner_id: string;
  /** A key of the configured lost reasons, while lost. */
  lost_reason: string | null;
  /** How it was won, or more on why it was lost. */
  close_note: string | null;
  closed_at: string | null;
  created_by_id: string | null;
}

/** Every move of a deal along the pipeline, its opening included (from_stage null): for cycle length and win rate. */
export interface DealStageChangesTable {
  id: string;
  deal_id: string;
  account_id: string;
  from_stage: DealStage | null;
  to_stage: DealStage;
  at: string;
  by_id: string | null;
  lost_reason: string | null;
  note: string | null;
  /** The accepted proposal that won the deal, once proposals exist. */
  proposal_id: string | null;
}

export interface DealTables {
  deals: DealsTable;
  deal_stage_changes: DealStageChangesTable;
}
