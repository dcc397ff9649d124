import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { IdParamsSchema, pageOf } from '../../../common/schemas/common.js';
import {
  InteractionCreateSchema,
  InteractionListQuerySchema,
  InteractionSchema,
  InteractionUpdateSchema,
} from '../../../common/schemas/interaction.js';
import { expectedVersion, withEtag } from '../../lib/http.js';
import type { InteractionService } from './interaction.service.js';
import { assertSeesInternal } from '../access/index.js';
import { listExportRoutes } from '../../lib/export/index.js';
import { INTERACTION_COLUMNS } from './interaction.export.js';

export const interactionRoutes =
  (interactions: InteractionService): FastifyPluginAsyncZod =>
  async (app) => {
    await app.register(
      listExportRoutes({
        path: '/interactions',
        fileName: 'interactions',
        title: 'Interactions',
        tags: ['interactions'],
        query: InteractionListQuerySchema,
        authorize: assertSeesInternal,
        columns: INTERACTION_COLUMNS,
        list: (actor, q) => interactions.list(actor, q),
      }),
    );
    app.get(
      '/interactions',
      {
        config: { authorize: assertSeesInternal },
        schema: {
          tags: ['interactions'],
          summary: 'Logged meetings, calls, emails and notes',
          querystring: InteractionListQuerySchema,
          response: { 200: pageOf(InteractionSchema) },
        },
      },
      async (req) => interactions.list(req.requireActor(), req.query),
    );

    app.post(
      '/interactions',
      {
        config: { authorize: assertSeesInternal },
        schema: {
          tags: ['interactions'],
          summary: 'Log an interaction',
          body: InteractionCreateSchema,
          response: { 201: InteractionSchema },
        },
      },
      async (req, reply) => reply.code(201).send(await interactions.create(req.requireActor(), req.body)),
    );

    app.get(
      '/interactions/:id',
      { schema: { tags: ['interactions'], summary: 'One interaction', params: IdParamsSchema, response: { 200: InteractionSchema } } },
      async (req, reply) => withEtag(reply, await interactions.get(req.requireActor(), req.params.id)),
    );

    app.patch(
      '/interactions/:id',
      {
        schema: {
          tags: ['interactions'],
          summary: 'Change an interaction',
          params: IdParamsSchema,
          body: InteractionUpdateSchema,
          response: { 200: InteractionSchema },
        },
      },
      async (req, reply) => withEtag(reply, await interactions.update(req.requireActor(), req.params.id, req.body, expectedVersion(req))),
    );

    app.delete(
      '/interactions/:id',
      { schema: { tags: ['interactions'], summary: 'Delete an interaction', params: IdParamsSchema } },
      async (req, reply) => {
        await interactions.remove(req.requireActor(), req.params.id);
        return reply.code(204).send();
      },
    );
  };
