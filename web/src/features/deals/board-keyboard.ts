/** Keyboard moves on the board: the arrow keys carry a picked-up card a whole column at a time. */
import type { KeyboardCoordinateGetter } from '@dnd-kit/core';
import { DEAL_STAGES, type DealStage } from '@common/enums';
import { stepColumn } from './board-moves';

const STEPS: Record<string, number> = { ArrowRight: 1, ArrowLeft: -1 };

const isStage = (id: unknown): id is DealStage => DEAL_STAGES.includes(id as DealStage);

/**
 * Left and right jump to the neighbouring column's top; other keys leave the card where it is.
 * The column the card is over is found from its own position, not from the last collision, which
 * lags behind quick key presses.
 */
export const columnCoordinates: KeyboardCoordinateGetter = (event, { currentCoordinates, context }) => {
  const step = STEPS[event.code];
  if (!step) return undefined;
  event.preventDefault();
  const under = DEAL_STAGES.find((s) => {
    const r = context.droppableRects.get(s);
    return r && currentCoordinates.x >= r.left && currentCoordinates.x < r.left + r.width;
  });
  const from = under ?? (context.active?.data.current as { stage?: unknown } | undefined)?.stage;
  const to = isStage(from) ? stepColumn(from, step) : undefined;
  const rect = to && context.droppableRects.get(to);
  return rect ? { x: rect.left + 8, y: rect.top + 48 } : currentCoordinates;
};
