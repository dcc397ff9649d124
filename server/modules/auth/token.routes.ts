import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { ApiTokenCreateSchema, ApiTokenCreatedSchema, ApiTokenSchema } from '../../../common/schemas/auth.js';
import { IdParamsSchema } from '../../../common/schemas/common.js';
import type { TokenService } from './token.service.js';

/** Personal API tokens of the signed-in user. */
export const tokenRoutes =
  (tokens: TokenService): FastifyPluginAsyncZod =>
  async (app) => {
    app.get(
      '/tokens',
      { schema: { tags: ['auth'], summary: 'Your API tokens', response: { 200: z.object({ items: z.array(ApiTokenSchema) }) } } },
      async (req) => ({ items: await tokens.list(req.requireActor()) }),
    );

    app.post(
      '/tokens',
      {
        schema: {
          tags: ['auth'],
          summary: 'Create an API token; the token is shown only in this answer',
          body: ApiTokenCreateSchema,
          response: { 201: ApiTokenCreatedSchema },
        },
      },
      async (req, reply) => reply.code(201).send(await tokens.create(req.requireActor(), req.body.name)),
    );

    app.delete(
      '/tokens/:id',
      { schema: { tags: ['auth'], summary: 'Revoke an API token', params: IdParamsSchema } },
      async (req, reply) => {
        await tokens.revoke(req.requireActor(), req.params.id);
        return reply.code(204).send();
      },
    );
  };
