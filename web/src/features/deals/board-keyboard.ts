/** Keyboard moves on the board: the arrow keys carry a picked-up card a whole column at a time. */
import type { KeyboardCoordinateGetter } from '@dnd-kit/core';
import { DEAL_STAGES, type DealStage } from '@common/enums';
import { stepColumn } from './board-moves';

const STEPS: Record<string, number> = { ArrowRight: 1, ArrowLeft: -1 };

const isStage = (id: unknown): id is DealStage => DEAL_STAGES.includes(id as DealStage);

/**
 * Brings the column into the half of each sideways-scrolling box (a narrow screen's board) the
 * card moves towards: the keyboard sensor scrolls a box instead of moving the card while the
 * target lies beyond its middle, and would drop the card back where it was.
 */
function bringIntoReach(column: HTMLElement, boxes: Element[], step: number) {
  for (const box of boxes) {
    if (box.scrollWidth <= box.clientWidth) continue;
    const edge = box.getBoundingClientRect();
    const middle = edge.left + edge.width / 2;
    const left = column.getBoundingClientRect().left;
    if (step > 0 && (left < edge.left || left >= middle)) box.scrollLeft += left - edge.left;
    if (step < 0 && (left < middle || left >= edge.right)) box.scrollLeft += left - middle;
  }
}

/**
 * Left and right jump to the neighbouring column's top; other keys leave the card where it is.
 * The column the card is over is found from its own position against the columns as they are on
 * screen now (the board may have scrolled since the card was picked up), not from the last
 * collision, which lags behind quick key presses.
 */
export const columnCoordinates: KeyboardCoordinateGetter = (event, { currentCoordinates, context }) => {
  const step = STEPS[event.code];
  if (!step) return undefined;
  event.preventDefault();
  const columnOf = (stage: DealStage) => context.droppableContainers.get(stage)?.node.current ?? null;
  const under = DEAL_STAGES.find((s) => {
    const r = columnOf(s)?.getBoundingClientRect();
    return r && currentCoordinates.x >= r.left && currentCoordinates.x < r.left + r.width;
  });
  const from = under ?? (context.active?.data.current as { stage?: unknown } | undefined)?.stage;
  const to = isStage(from) ? stepColumn(from, step) : undefined;
  const column = to && columnOf(to);
  if (!column) return currentCoordinates;
  bringIntoReach(column, context.scrollableAncestors, step);
  const rect = column.getBoundingClientRect();
  return { x: rect.left + 8, y: rect.top + 48 };
};
