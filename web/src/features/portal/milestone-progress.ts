/** Where a project's plan stands for the client: each milestone done, next, late or planned, and the next one ahead. */
import type { Milestone } from '@common/schemas/plan';

export type MilestoneState = 'done' | 'late' | 'next' | 'planned';

export interface MilestoneProgress {
  states: Map<string, MilestoneState>;
  next: Milestone | null;
  late: Milestone[];
}

/** The next milestone is the earliest one not done and not late; the server says which are late. */
export function milestoneProgress(milestones: readonly Milestone[]): MilestoneProgress {
  const byDate = [...milestones].sort((a, b) => a.dueDate.localeCompare(b.dueDate));
  const late = byDate.filter((m) => m.status !== 'done' && m.late);
  const next = byDate.find((m) => m.status !== 'done' && !m.late) ?? null;
  const states = new Map<string, MilestoneState>(
    byDate.map((m) => [m.id, m.status === 'done' ? 'done' : m.late ? 'late' : m === next ? 'next' : 'planned']),
  );
  return { states, next, late };
}
