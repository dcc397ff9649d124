import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { TASK_STATUSES } from '@common/enums';
import { WORK_GROUPS, groupWork, workGroupOf } from './work-groups';

type Status = (typeof TASK_STATUSES)[number];

// A Wednesday; its week ends on Sunday the 15th.
const calendar = { today: '2026-03-11', weekEnd: '2026-03-15' };
/** Late as the server decides it: open and due before the agency's today. */
const serverLate = (dueDate: string | null, status: Status, today: string) => status !== 'done' && dueDate !== null && dueDate < today;
const task = (title: string, dueDate: string | null, status: Status = 'todo') => ({
  title,
  dueDate,
  status,
  late: serverLate(dueDate, status, calendar.today),
});

describe('grouping my work', () => {
  it('sorts tasks into late, today, this week, later, no date and done, each by due date', () => {
    const groups = groupWork(
      [
        task('Next month', '2026-04-02'),
        task('Sunday', '2026-03-15', 'in_progress'),
        task('Undated', null),
        task('Yesterday', '2026-03-10', 'blocked'),
        task('Today', '2026-03-11', 'review'),
        task('Last week', '2026-03-04'),
        task('Finished late', '2026-03-01', 'done'),
        task('Thursday', '2026-03-12'),
        task('Next Monday', '2026-03-16'),
      ],
      calendar,
    );
    expect(groups.map((g) => [g.group, g.tasks.map((x) => x.title)])).toEqual([
      ['late', ['Last week', 'Yesterday']],
      ['today', ['Today']],
      ['thisWeek', ['Thursday', 'Sunday']],
      ['later', ['Next Monday', 'Next month']],
      ['undated', ['Undated']],
      ['done', ['Finished late']],
    ]);
  });

  it('leaves out empty groups, and on the week’s last day nothing is “this week”', () => {
    const sunday = { today: '2026-03-15', weekEnd: '2026-03-15' };
    const groups = groupWork([task('Monday', '2026-03-16'), task('Sunday', '2026-03-15')], sunday);
    expect(groups.map((g) => g.group)).toEqual(['today', 'later']);
  });

  it('takes “late” from the server, never from the date alone', () => {
    // Loaded just before the agency's midnight: yesterday's task is not late yet.
    expect(workGroupOf({ dueDate: '2026-03-10', status: 'todo', late: false }, calendar)).toBe('today');
    expect(workGroupOf({ dueDate: '2026-03-10', status: 'todo', late: true }, calendar)).toBe('late');
  });

  it('puts every task in exactly one group, in the groups’ order, late exactly when the server says so', () => {
    const date = fc.integer({ min: 0, max: 60 }).map((d) => new Date(Date.UTC(2026, 2, 1 + d)).toISOString().slice(0, 10));
    fc.assert(
      fc.property(
        fc.array(
          fc.record({
            title: fc.string({ maxLength: 5 }),
            dueDate: fc.option(date, { nil: null }),
            status: fc.constantFrom(...TASK_STATUSES),
          }),
          {
            maxLength: 30,
          },
        ),
        date,
        fc.integer({ min: 0, max: 6 }),
        (drafts, today, left) => {
          const weekEnd = new Date(Date.parse(today) + left * 86_400_000).toISOString().slice(0, 10);
          const list = drafts.map((x) => ({ ...x, late: serverLate(x.dueDate, x.status, today) }));
          const groups = groupWork(list, { today, weekEnd });
          expect(groups.flatMap((g) => g.tasks)).toHaveLength(list.length);
          const order = groups.map((g) => WORK_GROUPS.indexOf(g.group));
          expect(order).toEqual([...order].sort((a, b) => a - b));
          for (const g of groups) {
            const dates = g.tasks.map((x) => x.dueDate ?? '');
            expect(dates).toEqual([...dates].sort());
            for (const x of g.tasks) {
              expect(workGroupOf(x, { today, weekEnd })).toBe(g.group);
              expect(g.group === 'late').toBe(x.late);
              if (g.group === 'today') expect(x.dueDate).toBe(today);
              if (g.group === 'thisWeek') expect(x.dueDate! > today && x.dueDate! <= weekEnd).toBe(true);
            }
          }
        },
      ),
    );
  });
});
