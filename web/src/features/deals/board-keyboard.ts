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

/** Where the card being carried was last sent, by the key press that picked it up (one per drag). */
let carried: { drag: Event | null; stage: DealStage } | null = null;

/**
 * Left and right jump to the neighbouring column's top; other keys leave the card where it is.
 * Each press steps on from the column the last press sent the card to (the card's own column at
 * first): the card's measured position lags behind quick presses on a busy page, and is in the
 * board's coordinates from before it scrolled.
 */
export const columnCoordinates: KeyboardCoordinateGetter = (event, { currentCoordinates, context }) => {
  const step = STEPS[event.code];
  if (!step) return undefined;
  event.preventDefault();
  const own = (context.active?.data.current as { stage?: unknown } | undefined)?.stage;
  const from = carried && carried.drag === context.activatorEvent ? carried.stage : own;
  const to = isStage(from) ? stepColumn(from, step) : undefined;
  const column = to && context.droppableContainers.get(to)?.node.current;
  if (!to || !column) return currentCoordinates;
  carried = { drag: context.activatorEvent, stage: to };
  bringIntoReach(column, context.scrollableAncestors, step);
  const rect = column.getBoundingClientRect();
  return { x: rect.left + 8, y: rect.top + 48 };
};
