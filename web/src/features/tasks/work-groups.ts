/** "My work" in groups by when it is due: late as the server says, the rest by the agency's calendar. */
import type { Task } from '@common/schemas/task';

export const WORK_GROUPS = ['late', 'today', 'thisWeek', 'later', 'undated', 'done'] as const;
export type WorkGroup = (typeof WORK_GROUPS)[number];

/** The agency's today and the last day (Sunday) of its week, as `GET /settings/calendar` gives them. */
export interface WorkCalendar {
  today: string;
  weekEnd: string;
}

type Dated = Pick<Task, 'status' | 'dueDate' | 'late'>;

/**
 * The group a task falls in: done work apart, then late (decided by the server, in the agency's
 * time zone), then by its due date. A task due before today that the server has not called late
 * yet (a list loaded just before midnight) counts as due today rather than late on a guess.
 */
export function workGroupOf(task: Dated, calendar: WorkCalendar): WorkGroup {
  if (task.status === 'done') return 'done';
  if (task.late) return 'late';
  if (task.dueDate === null) return 'undated';
  if (task.dueDate <= calendar.today) return 'today';
  return task.dueDate <= calendar.weekEnd ? 'thisWeek' : 'later';
}

const byDueDate = <T extends Dated & { title: string }>(a: T, b: T) =>
  (a.dueDate ?? '').localeCompare(b.dueDate ?? '') || a.title.localeCompare(b.title);

/** The groups that have tasks, in order (late first, done last), each sorted by due date (then title). */
export function groupWork<T extends Dated & { title: string }>(tasks: T[], calendar: WorkCalendar) {
  const groups = new Map<WorkGroup, T[]>(WORK_GROUPS.map((g) => [g, []]));
  for (const task of tasks) groups.get(workGroupOf(task, calendar))!.push(task);
  return WORK_GROUPS.filter((g) => groups.get(g)!.length > 0).map((group) => ({ group, tasks: groups.get(group)!.sort(byDueDate) }));
}
