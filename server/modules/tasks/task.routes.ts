import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { IdParamsSchema, pageOf } from '../../../common/schemas/common.js';
import {
  TaskCommentCreateSchema,
  TaskCommentSchema,
  TaskCreateSchema,
  TaskDetailSchema,
  TaskHistoryPageSchema,
  TaskHistoryQuerySchema,
  TaskListQuerySchema,
  TaskSchema,
  TaskUpdateSchema,
} from '../../../common/schemas/task.js';
import { expectedVersion, withEtag } from '../../lib/http.js';
import type { TaskCommentService } from './task-comment.service.js';
import type { TaskService } from './task.service.js';
import { assertStaff } from '../access/index.js';
import { listExportRoutes } from '../../lib/export/index.js';
import { TASK_COLUMNS } from './task.export.js';

export const taskRoutes =
  (tasks: TaskService, comments: TaskCommentService): FastifyPluginAsyncZod =>
  async (app) => {
    const tags = ['tasks'];
    await app.register(
      listExportRoutes({
        path: '/tasks',
        fileName: 'tasks',
        title: 'Tasks',
        tags: tags,
        query: TaskListQuerySchema,
        authorize: assertStaff,
        columns: TASK_COLUMNS,
        list: (actor, q) => tasks.list(actor, q),
      }),
    );
    app.get(
      '/tasks',
      {
        config: { authorize: assertStaff },
        schema: {
          tags,
          summary: 'Tasks you can see (`assigneeId=me` for your own)',
          querystring: TaskListQuerySchema,
          response: { 200: pageOf(TaskSchema) },
        },
      },
      async (req) => tasks.list(req.requireActor(), req.query),
    );
    app.post(
      '/tasks',
      { schema: { tags, summary: 'Assign a task on a project', body: TaskCreateSchema, response: { 201: TaskSchema } } },
      async (req, reply) => reply.code(201).send(await tasks.create(req.requireActor(), req.body)),
    );
    app.get(
      '/tasks/:id',
      {
        schema: {
          tags,
          summary: 'One task, with its milestone and, for those who see money, its cost',
          params: IdParamsSchema,
          response: { 200: TaskDetailSchema },
        },
      },
      async (req, reply) => withEtag(reply, await tasks.detail(req.requireActor(), req.params.id)),
    );
    app.get(
      '/tasks/:id/history',
      {
        schema: {
          tags,
          summary: 'Who changed what on a task and when, newest first (for everyone who may read the task)',
          params: IdParamsSchema,
          querystring: TaskHistoryQuerySchema,
          response: { 200: TaskHistoryPageSchema },
        },
      },
      async (req) => tasks.history(req.requireActor(), req.params.id, req.query),
    );
    app.patch(
      '/tasks/:id',
      {
        schema: {
          tags,
          summary: 'Change a task; the assignee may change status, spentHours and blockedReason',
          params: IdParamsSchema,
          body: TaskUpdateSchema,
          response: { 200: TaskSchema },
        },
      },
      async (req, reply) => withEtag(reply, await tasks.update(req.requireActor(), req.params.id, req.body, expectedVersion(req))),
    );
    app.delete('/tasks/:id', { schema: { tags, summary: 'Delete a task', params: IdParamsSchema } }, async (req, reply) => {
      await tasks.remove(req.requireActor(), req.params.id);
      return reply.code(204).send();
    });
    app.get(
      '/tasks/:id/comments',
      {
        schema: {
          tags,
          summary: 'Comments on a task',
          params: IdParamsSchema,
          response: { 200: z.object({ items: z.array(TaskCommentSchema) }) },
        },
      },
      async (req) => comments.list(req.requireActor(), req.params.id),
    );
    app.post(
      '/tasks/:id/comments',
      {
        schema: {
          tags,
          summary: 'Comment on a task',
          params: IdParamsSchema,
          body: TaskCommentCreateSchema,
          response: { 201: TaskCommentSchema },
        },
      },
      async (req, reply) => reply.code(201).send(await comments.add(req.requireActor(), req.params.id, req.body.body)),
    );
  };
