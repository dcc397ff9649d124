import { describe, expect, it } from 'vitest';
import type { Milestone } from '@common/schemas/plan';
import { milestoneProgress } from './milestone-progress';

const m = (id: string, dueDate: string, status: Milestone['status'], late = false) => ({ id, dueDate, status, late }) as Milestone;

describe('milestoneProgress', () => {
  it('marks done, late, the next one ahead and the rest as planned, by due date', () => {
    const p = milestoneProgress([
      m('launch', '2026-06-01', 'planned'),
      m('audit', '2026-03-01', 'done'),
      m('design', '2026-04-01', 'in_progress', true),
      m('build', '2026-05-01', 'planned'),
    ]);
    expect(Object.fromEntries(p.states)).toEqual({ audit: 'done', design: 'late', build: 'next', launch: 'planned' });
    expect(p.next?.id).toBe('build');
    expect(p.late.map((x) => x.id)).toEqual(['design']);
  });

  it('has no next milestone when everything is done or late', () => {
    const p = milestoneProgress([m('a', '2026-03-01', 'done'), m('b', '2026-03-02', 'planned', true)]);
    expect(p.next).toBeNull();
    expect(milestoneProgress([]).next).toBeNull();
  });
});
