/** Specialists' tasks: lists, the people and roles to assign, writes and comments. */
import { queryOptions, useMutation, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import type { AuditEntry } from '@common/schemas/audit';
import type { DeliverySettingsBodySchema, DeliverySettingsSchema } from '@common/schemas/delivery';
import type { Task, TaskCommentSchema, TaskDetail, TaskUpdateSchema } from '@common/schemas/task';
import { api, type Query } from '../../api/client';
import { useCursorList } from '../../api/use-cursor-list';

export type TaskComment = z.infer<typeof TaskCommentSchema>;
export type TaskChanges = z.input<typeof TaskUpdateSchema>;
/** The roles and rates with the currencies in use (the rate table's columns). */
export type DeliverySettings = z.infer<typeof DeliverySettingsSchema>;
export type DeliverySettingsBody = z.infer<typeof DeliverySettingsBodySchema>;

/** Tasks matching the filters (project, `assigneeId=me`, open) in the order asked (`sort`; newest first by default), with "load more". */
export const useTasks = (query: Query) => useCursorList<Task>(['tasks', 'list'], '/tasks', { limit: 100, ...query });

/** One task for its page: with its milestone, and its cost for those who see money. */
export const taskQuery = (id: string) => queryOptions({ queryKey: ['tasks', id], queryFn: () => api.get<TaskDetail>(`/tasks/${id}`) });

/** Who changed what on the task and when, newest first, with "load more". */
export const useTaskHistory = (taskId: string) => useCursorList<AuditEntry>(['tasks', taskId, 'history'], `/tasks/${taskId}/history`);

export const deliverySettingsQuery = queryOptions({
  queryKey: ['settings', 'delivery'],
  queryFn: () => api.get<DeliverySettings>('/settings/delivery'),
  staleTime: 5 * 60_000,
});

/** After any task write: task lists, the reports and the project (its team grows with assignments). */
export function useTasksChanged() {
  const queryClient = useQueryClient();
  return (projectId?: string) =>
    Promise.all([
      queryClient.invalidateQueries({ queryKey: ['tasks'] }),
      queryClient.invalidateQueries({ queryKey: ['reports'] }),
      projectId && queryClient.invalidateQueries({ queryKey: ['projects', projectId] }),
    ]);
}

/** Changes a task against the version shown, so a stale change answers 412 instead of overwriting. */
export function useUpdateTask() {
  const changed = useTasksChanged();
  return useMutation({
    mutationFn: ({ task, changes }: { task: Task; changes: TaskChanges }) => api.patch<Task>(`/tasks/${task.id}`, changes, task.version),
    onSettled: (_data, _error, { task }) => changed(task.projectId),
  });
}

/** Deletes a task (its page then leads back to the project's tasks). */
export function useDeleteTask() {
  const queryClient = useQueryClient();
  const changed = useTasksChanged();
  return useMutation({
    mutationFn: (task: Task) => api.delete(`/tasks/${task.id}`),
    onSuccess: (_data, task) => {
      // Dropped rather than refetched: the page still open on the task would flash "not found" before it leaves.
      queryClient.removeQueries({ queryKey: ['tasks', task.id] });
      return changed(task.projectId);
    },
  });
}

export const taskCommentsQuery = (taskId: string) =>
  queryOptions({
    queryKey: ['tasks', taskId, 'comments'],
    queryFn: () => api.get<{ items: TaskComment[] }>(`/tasks/${taskId}/comments`),
    select: (data) => data.items,
  });

export function useAddComment(taskId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: string) => api.post<TaskComment>(`/tasks/${taskId}/comments`, { body }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: taskCommentsQuery(taskId).queryKey }),
  });
}
