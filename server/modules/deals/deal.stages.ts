import { DEAL_OPEN_STAGES, DEAL_STAGES, type DealStage, type DealState } from '../../../common/enums.js';
import { fieldError } from '../../lib/errors.js';

export const isOpenStage = (s: DealStage): boolean => (DEAL_OPEN_STAGES as readonly DealStage[]).includes(s);

export const stateOfStage = (s: DealStage): DealState => (s === 'won' || s === 'lost' ? s : 'open');

/**
 * Where a deal may go from a stage. An open deal moves to any other open stage (forwards or
 * back, as talks go), or closes as won or lost. A lost deal may be reopened in an open stage
 * (the client came back); a won deal stays won (the work that follows is a project).
 */
export function allowedMoves(from: DealStage): DealStage[] {
  if (from === 'won') return [];
  if (from === 'lost') return [...DEAL_OPEN_STAGES];
  return DEAL_STAGES.filter((s) => s !== from);
}

/** 400 naming the allowed stages when the move is not one of them. */
export function assertMove(from: DealStage, to: DealStage): void {
  const allowed = allowedMoves(from);
  if (!allowed.includes(to)) throw fieldError('stage', 'deal.illegal_move', { from, to, allowed });
}
