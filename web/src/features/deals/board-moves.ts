/** The board's rules for a dropped card: what a drop asks of the server, and where cards show while a move is on its way. */
import { DEAL_STAGES, type DealStage } from '@common/enums';
import type { Deal } from '@common/schemas/deal';
import { ApiError } from '../../api/client';

/** A move sent to the server and not yet confirmed: the card shows in its new column meanwhile. */
export interface PendingMove {
  deal: Deal;
  to: DealStage;
}

/**
 * What a drop on `to` does: nothing on its own column; closing a deal (lost needs a reason, won a
 * note or a proposal) opens the move dialog; any other move is sent as it is, and the server judges it.
 */
export function planDrop(deal: Deal, to: DealStage): 'none' | 'dialog' | 'move' {
  if (to === deal.stage) return 'none';
  return to === 'won' || to === 'lost' ? 'dialog' : 'move';
}

/** A column's cards: those moving into it first, then the loaded ones that are not moving away. */
export function columnDeals(stage: DealStage, loaded: Deal[], pending: PendingMove[]): Deal[] {
  const moving = new Set(pending.map((p) => p.deal.id));
  const incoming = pending.filter((p) => p.to === stage).map((p) => ({ ...p.deal, stage: p.to }));
  return [...incoming, ...loaded.filter((d) => !moving.has(d.id))];
}

/**
 * A refused move the dialog can complete (a reopened deal needs a next step, say): a 400 on
 * fields other than the stage. A 400 on the stage itself is an illegal move: the card goes back.
 */
export const needsMoreInput = (e: unknown): boolean =>
  e instanceof ApiError && e.status === 400 && e.fieldErrors.length > 0 && e.fieldErrors.every((f) => f.field !== 'stage');

/** The column `step` places left (-1) or right (+1) of `from`, or none past the board's ends. */
export function stepColumn(from: DealStage, step: number): DealStage | undefined {
  return DEAL_STAGES[DEAL_STAGES.indexOf(from) + step];
}
