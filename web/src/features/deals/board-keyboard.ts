/** Keyboard moves on the board: the arrow keys carry a picked-up card a whole column at a time. */
import {
  rectIntersection,
  type Active,
  type CollisionDetection,
  type DragStartEvent,
  type KeyboardCoordinateGetter,
  type Over,
} from '@dnd-kit/core';
import { DEAL_STAGES, type DealStage } from '@common/enums';
import { stepColumn } from './board-moves';

const STEPS: Record<string, number> = { ArrowRight: 1, ArrowLeft: -1 };

const isStage = (id: unknown): id is DealStage => DEAL_STAGES.includes(id as DealStage);
const ownStage = (active: Active | null): DealStage | undefined => {
  const stage = (active?.data.current as { stage?: unknown } | undefined)?.stage;
  return isStage(stage) ? stage : undefined;
};

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
 * The keyboard's way of carrying a card, one per board. Left and right jump to the neighbouring
 * column's top; other keys leave the card where it is. Each press steps on from the column the
 * last press chose (the card's own at first): the card's measured position lags behind quick
 * presses on a busy page, and is in the board's coordinates from before it scrolled. For the same
 * reason a keyboard drag is over, and drops on, the column the presses chose, not the one its
 * rectangle meets (the board learns what a drag is over a render late: a quick drop would miss it).
 */
export function columnKeyboard() {
  /** The column the presses of the current drag chose. */
  let carried: DealStage | null = null;
  let byKeyboard = false;

  const coordinateGetter: KeyboardCoordinateGetter = (event, { currentCoordinates, context }) => {
    const step = STEPS[event.code];
    if (!step) return undefined;
    event.preventDefault();
    const from = carried ?? ownStage(context.active);
    const to = from && stepColumn(from, step);
    const column = to && context.droppableContainers.get(to)?.node.current;
    if (!to || !column) return currentCoordinates;
    carried = to;
    bringIntoReach(column, context.scrollableAncestors, step);
    const rect = column.getBoundingClientRect();
    return { x: rect.left + 8, y: rect.top + 48 };
  };

  /** A pointer's drag is over what its card meets; a keyboard's (no pointer) over the column chosen. */
  const collisionDetection: CollisionDetection = (args) => {
    if (args.pointerCoordinates) return rectIntersection(args);
    const stage = carried ?? ownStage(args.active);
    return stage ? [{ id: stage }] : [];
  };

  /** A new drag starts from the card's own column. */
  const start = ({ activatorEvent }: Pick<DragStartEvent, 'activatorEvent'>) => {
    carried = null;
    byKeyboard = activatorEvent instanceof KeyboardEvent;
  };

  /** The stage a drag ends on: a pointer's is what it is over, a keyboard's the column its presses chose. */
  const dropStage = (active: Active, over: Over | null): DealStage | undefined =>
    byKeyboard ? (carried ?? ownStage(active)) : isStage(over?.id) ? over.id : undefined;

  return { coordinateGetter, collisionDetection, start, dropStage };
}
