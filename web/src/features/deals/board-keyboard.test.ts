import { describe, expect, it } from 'vitest';
import type { KeyboardCoordinateGetter } from '@dnd-kit/core';
import { DEAL_STAGES } from '@common/enums';
import { columnKeyboard } from './board-keyboard';

type Args = Parameters<KeyboardCoordinateGetter>[1];
const WIDTH = 240;

/** Six columns side by side in a box `boxWidth` wide that scrolls sideways, and a card of `stage` picked up. */
function board(stage: string, boxWidth: number) {
  const box = document.createElement('div');
  Object.defineProperties(box, {
    scrollWidth: { value: WIDTH * DEAL_STAGES.length },
    clientWidth: { value: boxWidth },
  });
  box.getBoundingClientRect = () => ({ left: 0, right: boxWidth, width: boxWidth, top: 0, bottom: 800, height: 800 }) as DOMRect;
  const columns = new Map(
    DEAL_STAGES.map((s, i) => {
      const node = document.createElement('section');
      node.getBoundingClientRect = () => ({ left: i * WIDTH - box.scrollLeft, width: WIDTH, top: 100 }) as DOMRect;
      return [s, { node: { current: node } }];
    }),
  );
  const context = {
    activatorEvent: new KeyboardEvent('keydown', { code: 'Space' }),
    active: { data: { current: { stage } } },
    droppableContainers: columns,
    scrollableAncestors: [box],
  } as unknown as Args['context'];
  const keyboard = columnKeyboard();
  const pickUp = () => keyboard.start({ activatorEvent: new KeyboardEvent('keydown', { code: 'Space' }) });
  pickUp();
  // The card's measured position: still where it was picked up, as on a busy page between quick presses.
  const press = (code: string) =>
    keyboard.coordinateGetter(new KeyboardEvent('keydown', { code }), { active: 'deal', context, currentCoordinates: { x: 10, y: 150 } });
  // Where a keyboard drag (no pointer) is over now.
  const over = () =>
    keyboard.collisionDetection({ active: context.active, pointerCoordinates: null } as unknown as Parameters<
      typeof keyboard.collisionDetection
    >[0])[0]?.id;
  return { box, press, over, pickUp, keyboard };
}

describe('carrying a card by keyboard', () => {
  it('steps a column a press from where the last press sent it, however late the card’s position is measured', () => {
    const { press } = board('qualified', 2000);
    expect(press('ArrowRight')).toEqual({ x: WIDTH + 8, y: 148 });
    expect(press('ArrowRight')).toEqual({ x: 2 * WIDTH + 8, y: 148 });
    expect(press('ArrowLeft')).toEqual({ x: WIDTH + 8, y: 148 });
    expect(press('ArrowDown')).toBeUndefined();
  });

  it('stays at the last column, and starts again from the card’s own column on the next pick-up', () => {
    const { press, pickUp } = board('won', 2000);
    expect(press('ArrowRight')).toEqual({ x: 5 * WIDTH + 8, y: 148 });
    expect(press('ArrowRight')).toEqual({ x: 10, y: 150 });
    pickUp();
    expect(press('ArrowLeft')).toEqual({ x: 3 * WIDTH + 8, y: 148 });
  });

  it('is over, and drops on, the column the presses chose, whatever the card’s rectangle meets', () => {
    const { press, over, pickUp, keyboard } = board('qualified', 390);
    const active = { id: 'deal', data: { current: { stage: 'qualified' } } } as unknown as Parameters<typeof keyboard.dropStage>[0];
    // What the board last learnt the drag is over: a render behind the presses.
    const lagging = { id: 'qualified' } as Parameters<typeof keyboard.dropStage>[1];
    expect(over()).toBe('qualified');
    press('ArrowRight');
    press('ArrowRight');
    expect(over()).toBe(DEAL_STAGES[2]);
    press('ArrowLeft');
    expect(over()).toBe(DEAL_STAGES[1]);
    expect(keyboard.dropStage(active, lagging)).toBe(DEAL_STAGES[1]);
    pickUp();
    expect(over()).toBe('qualified');
    // A pointer's drag drops on what it is over.
    keyboard.start({ activatorEvent: new PointerEvent('pointerdown') });
    expect(keyboard.dropStage(active, { id: 'won' } as Parameters<typeof keyboard.dropStage>[1])).toBe('won');
    expect(keyboard.dropStage(active, null)).toBeUndefined();
  });

  it('on a narrow board scrolls the next column into the half it moves towards, so the press moves the card', () => {
    const { box, press } = board('qualified', 390);
    expect(press('ArrowRight')).toEqual({ x: 8, y: 148 });
    expect(box.scrollLeft).toBe(WIDTH);
    expect(press('ArrowRight')).toEqual({ x: 8, y: 148 });
    expect(box.scrollLeft).toBe(2 * WIDTH);
    // Back to the left: the column comes to the box's middle.
    expect(press('ArrowLeft')).toEqual({ x: 195 + 8, y: 148 });
    expect(box.scrollLeft).toBe(WIDTH - 195);
  });
});
