import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { IdParamsSchema, pageOf } from '../../../common/schemas/common.js';
import {
  ProjectCreateSchema,
  ProjectListQuerySchema,
  ProjectSchema,
  ProjectUpdateSchema,
  TeamSetSchema,
} from '../../../common/schemas/project.js';
import { expectedVersion, withEtag } from '../../lib/http.js';
import type { ProjectService } from './project.service.js';
import { listExportRoutes } from '../../lib/export/index.js';
import { PROJECT_COLUMNS } from './project.export.js';

export const projectRoutes =
  (projects: ProjectService): FastifyPluginAsyncZod =>
  async (app) => {
    const tags = ['projects'];
    await app.register(
      listExportRoutes({
        path: '/projects',
        fileName: 'projects',
        title: 'Projects',
        tags: tags,
        query: ProjectListQuerySchema,
        columns: PROJECT_COLUMNS,
        list: (actor, q) => projects.list(actor, q),
      }),
    );
    app.get(
      '/projects',
      { schema: { tags, summary: 'Projects you can see', querystring: ProjectListQuerySchema, response: { 200: pageOf(ProjectSchema) } } },
      async (req) => projects.list(req.requireActor(), req.query),
    );
    app.post(
      '/projects',
      { schema: { tags, summary: 'Start a project for an account', body: ProjectCreateSchema, response: { 201: ProjectSchema } } },
      async (req, reply) => reply.code(201).send(await projects.create(req.requireActor(), req.body)),
    );
    app.get(
      '/projects/:id',
      { schema: { tags, summary: 'One project', params: IdParamsSchema, response: { 200: ProjectSchema } } },
      async (req, reply) => withEtag(reply, await projects.get(req.requireActor(), req.params.id)),
    );
    app.patch(
      '/projects/:id',
      {
        schema: {
          tags,
          summary: 'Change a project; `stage` must be one of `allowedStages`',
          params: IdParamsSchema,
          body: ProjectUpdateSchema,
          response: { 200: ProjectSchema },
        },
      },
      async (req, reply) => withEtag(reply, await projects.update(req.requireActor(), req.params.id, req.body, expectedVersion(req))),
    );
    app.delete(
      '/projects/:id',
      { schema: { tags, summary: 'Delete a project with its plan and tasks', params: IdParamsSchema } },
      async (req, reply) => {
        await projects.remove(req.requireActor(), req.params.id);
        return reply.code(204).send();
      },
    );
    app.put(
      '/projects/:id/team',
      {
        schema: {
          tags,
          summary: 'Set the project team (specialists by role)',
          params: IdParamsSchema,
          body: TeamSetSchema,
          response: { 200: ProjectSchema },
        },
      },
      async (req) => projects.setTeam(req.requireActor(), req.params.id, req.body.members),
    );
  };
