import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { IdParamsSchema, pageOf } from '../../../common/schemas/common.js';
import { NextStepCreateSchema, NextStepListQuerySchema, NextStepSchema, NextStepUpdateSchema } from '../../../common/schemas/next-step.js';
import { expectedVersion, withEtag } from '../../lib/http.js';
import { assertSeesInternal } from '../access/index.js';
import type { NextStepService } from './next-step.service.js';

export const nextStepRoutes =
  (nextSteps: NextStepService): FastifyPluginAsyncZod =>
  async (app) => {
    const tags = ['next-steps'];
    const internal = { authorize: assertSeesInternal };
    app.get(
      '/next-steps',
      {
        config: internal,
        schema: {
          tags,
          summary: 'Next steps: `owner=me` for yours; `state=open|overdue|done` (without it, all not done, overdue first)',
          querystring: NextStepListQuerySchema,
          response: { 200: pageOf(NextStepSchema) },
        },
      },
      async (req) => nextSteps.list(req.requireActor(), req.query),
    );
    app.post(
      '/next-steps',
      {
        config: internal,
        schema: { tags, summary: 'Add a next step on an account', body: NextStepCreateSchema, response: { 201: NextStepSchema } },
      },
      async (req, reply) => reply.code(201).send(await nextSteps.create(req.requireActor(), req.body)),
    );
    app.get(
      '/next-steps/:id',
      { schema: { tags, summary: 'One next step', params: IdParamsSchema, response: { 200: NextStepSchema } } },
      async (req, reply) => withEtag(reply, await nextSteps.get(req.requireActor(), req.params.id)),
    );
    app.patch(
      '/next-steps/:id',
      {
        schema: {
          tags,
          summary: 'Change its words, date or owner (its owner or the account’s manager)',
          params: IdParamsSchema,
          body: NextStepUpdateSchema,
          response: { 200: NextStepSchema },
        },
      },
      async (req, reply) => withEtag(reply, await nextSteps.update(req.requireActor(), req.params.id, req.body, expectedVersion(req))),
    );
    for (const [path, done, summary] of [
      ['done', true, 'Mark it done (recorded on the account’s timeline)'],
      ['undone', false, 'Mark it not done again'],
    ] as const) {
      app.post(
        `/next-steps/:id/${path}`,
        { schema: { tags, summary, params: IdParamsSchema, response: { 200: NextStepSchema } } },
        async (req, reply) => withEtag(reply, await nextSteps.setDone(req.requireActor(), req.params.id, done, expectedVersion(req))),
      );
    }
    app.delete(
      '/next-steps/:id',
      { schema: { tags, summary: 'Remove a next step added on its own', params: IdParamsSchema } },
      async (req, reply) => {
        await nextSteps.remove(req.requireActor(), req.params.id);
        return reply.code(204).send();
      },
    );
  };
