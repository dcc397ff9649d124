/** The fields the manager sets on a task, as the form holds them and as the API takes them. */
import type { Task } from '@common/schemas/task';

export interface TaskFormValues {
  title: string;
  assigneeId: string;
  role: string;
  dueDate: string;
  estimateHours: number | string;
  milestoneId: string;
}

export const BLANK_TASK: TaskFormValues = { title: '', assigneeId: '', role: '', dueDate: '', estimateHours: '', milestoneId: '' };

export const taskToValues = (task: Task): TaskFormValues => ({
  title: task.title,
  assigneeId: task.assigneeId ?? '',
  role: task.role ?? '',
  dueDate: task.dueDate ?? '',
  estimateHours: task.estimateHours,
  milestoneId: task.milestoneId ?? '',
});

/** The API's fields; an empty choice is null (no role chosen: the server takes the specialist's own). */
export const valuesToTask = (v: TaskFormValues) => ({
  title: v.title,
  assigneeId: v.assigneeId || null,
  role: v.role || null,
  dueDate: v.dueDate || null,
  estimateHours: v.estimateHours === '' ? 0 : Number(v.estimateHours),
  milestoneId: v.milestoneId || null,
});
