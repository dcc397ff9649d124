import type { Project } from '../../common/schemas/project.js';
import type { Milestone } from '../../common/schemas/plan.js';
import type { Task } from '../../common/schemas/task.js';
import type { Caller } from './harness.js';

async function created<T>(res: Promise<{ statusCode: number; body: string; json(): unknown }>, what: string): Promise<T> {
  const r = await res;
  if (r.statusCode !== 201) throw new Error(`${what} failed: ${r.body}`);
  return r.json() as T;
}

export const createProject = (by: Caller, accountId: string, input: Record<string, unknown> = {}) =>
  created<Project>(by.post('/api/v1/projects', { accountId, name: 'Website relaunch', kind: 'seo', ...input }), 'create project');

export const createMilestone = (by: Caller, projectId: string, title: string, dueDate: string) =>
  created<Milestone>(by.post('/api/v1/milestones', { projectId, title, dueDate }), 'create milestone');

export const createTask = (by: Caller, projectId: string, input: Record<string, unknown> = {}) =>
  created<Task>(by.post('/api/v1/tasks', { projectId, title: 'Keyword research', ...input }), 'create task');
