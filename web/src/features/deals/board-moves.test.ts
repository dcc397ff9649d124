import { describe, expect, it } from 'vitest';
import type { Deal } from '@common/schemas/deal';
import { ApiError } from '../../api/client';
import { columnDeals, needsMoreInput, planDrop, stepColumn } from './board-moves';

const deal = (id: string, stage: Deal['stage']) => ({ id, stage, title: id }) as Deal;

describe('the board’s drops', () => {
  it('sends moves between open stages, asks for more before closing, and ignores a drop on the same column', () => {
    expect(planDrop(deal('a', 'qualified'), 'meeting')).toBe('move');
    expect(planDrop(deal('a', 'lost'), 'qualified')).toBe('move');
    expect(planDrop(deal('a', 'meeting'), 'lost')).toBe('dialog');
    expect(planDrop(deal('a', 'negotiation'), 'won')).toBe('dialog');
    expect(planDrop(deal('a', 'meeting'), 'meeting')).toBe('none');
  });

  it('shows a moving card in its new column only, first, with its new stage', () => {
    const loadedQualified = [deal('a', 'qualified'), deal('b', 'qualified')];
    const loadedMeeting = [deal('c', 'meeting')];
    const pending = [{ deal: deal('a', 'qualified'), to: 'meeting' as const }];
    expect(columnDeals('qualified', loadedQualified, pending).map((d) => d.id)).toEqual(['b']);
    expect(columnDeals('meeting', loadedMeeting, pending).map((d) => [d.id, d.stage])).toEqual([
      ['a', 'meeting'],
      ['c', 'meeting'],
    ]);
    // Once the server's list has it, the card is there once, not twice.
    expect(columnDeals('meeting', [deal('a', 'meeting'), ...loadedMeeting], pending).map((d) => d.id)).toEqual(['a', 'c']);
    expect(columnDeals('meeting', loadedMeeting, []).map((d) => d.id)).toEqual(['c']);
  });

  it('opens the dialog for a refused move it can complete, and puts the card back for an illegal one', () => {
    const refused = (field: string) => new ApiError({ status: 400, title: 'Invalid', errors: [{ field, code: 'x', message: 'x' }] });
    expect(needsMoreInput(refused('nextStep'))).toBe(true);
    expect(needsMoreInput(refused('stage'))).toBe(false);
    expect(needsMoreInput(new ApiError({ status: 412, title: 'Changed' }))).toBe(false);
    expect(needsMoreInput(new Error('offline'))).toBe(false);
  });

  it('steps one column left or right, and not past either end', () => {
    expect(stepColumn('qualified', 1)).toBe('meeting');
    expect(stepColumn('meeting', -1)).toBe('qualified');
    expect(stepColumn('negotiation', 1)).toBe('won');
    expect(stepColumn('lost', 1)).toBeUndefined();
    expect(stepColumn('qualified', -1)).toBeUndefined();
  });
});
