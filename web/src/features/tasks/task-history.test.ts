import { describe, expect, it } from 'vitest';
import type { AuditEntry } from '@common/schemas/audit';
import { timeLog, visibleChanges } from './task-history';

const entry = (id: string, action: AuditEntry['action'], changes: AuditEntry['changes']): AuditEntry => ({
  id,
  at: `2026-03-0${id}T10:00:00.000Z`,
  actorId: 'u1',
  actorName: 'Sam',
  recordType: 'task',
  recordId: 't1',
  recordLabel: 'Audit',
  context: {},
  action,
  changes,
});

describe('a task’s history', () => {
  it('shows names instead of ids, leaves out where the task sits, and of a new task only what was set', () => {
    const created = entry('1', 'create', {
      id: { before: null, after: 't1' },
      title: { before: null, after: 'Audit' },
      spentHours: { before: null, after: 0 },
      blockedReason: { before: null, after: null },
      projectId: { before: null, after: 'p1' },
      projectName: { before: null, after: 'Relaunch' },
      accountName: { before: null, after: 'Initech' },
      assigneeId: { before: null, after: 'u2' },
      assigneeName: { before: null, after: 'Sam' },
      milestoneId: { before: null, after: 'm1' },
    });
    // An entry written before milestones were named keeps its id, for the page to name.
    expect(visibleChanges(created).map(([f]) => f)).toEqual(['title', 'assigneeName', 'milestoneId']);
    const changed = entry('2', 'update', { spentHours: { before: 2, after: 0 }, assigneeId: { before: 'u2', after: null } });
    expect(visibleChanges(changed).map(([f]) => f)).toEqual(['spentHours', 'assigneeId']);
  });

  it('logs time from the changes of the time spent, corrections included', () => {
    const log = timeLog([
      entry('4', 'update', { spentHours: { before: 2.3, after: 2.1 } }),
      entry('3', 'update', { status: { before: 'todo', after: 'done' } }),
      entry('2', 'update', { spentHours: { before: 0.2, after: 2.3 } }),
      entry('1', 'create', { spentHours: { before: null, after: 0.2 }, title: { before: null, after: 'Audit' } }),
    ]);
    expect(log.map((x) => [x.id, x.hours, x.total])).toEqual([
      ['4', -0.2, 2.1],
      ['2', 2.1, 2.3],
      ['1', 0.2, 0.2],
    ]);
  });
});
