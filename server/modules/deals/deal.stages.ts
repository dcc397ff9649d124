import { DEAL_OPEN_STAGES, dealMovesFrom, type DealStage, type DealState } from '../../../common/enums.js';
import { fieldError } from '../../lib/errors.js';

export const isOpenStage = (s: DealStage): boolean => (DEAL_OPEN_STAGES as readonly DealStage[]).includes(s);

export const stateOfStage = (s: DealStage): DealState => (s === 'won' || s === 'lost' ? s : 'open');

/** 400 naming the allowed stages when the move is not one of them. */
export function assertMove(from: DealStage, to: DealStage): void {
  const allowed = dealMovesFrom(from);
  if (!allowed.includes(to)) throw fieldError('stage', 'deal.illegal_move', { from, to, allowed });
}
