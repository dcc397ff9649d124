import { settingsRoutes } from '../settings/index.js';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { IdParamsSchema, pageOf } from '../../../common/schemas/common.js';
import {
  DealCreateSchema,
  DealListQuerySchema,
  DealSchema,
  DealSettingsSchema,
  DealStageChangeSchema,
  DealStageMoveSchema,
  DealUpdateSchema,
} from '../../../common/schemas/deal.js';
import { expectedVersion, withEtag } from '../../lib/http.js';
import { assertAdmin, assertSeesInternal } from '../access/index.js';
import type { DealService } from './deal.service.js';
import type { DealSettingsService } from './deal.settings.js';
import { listExportRoutes } from '../../lib/export/index.js';
import { DEAL_COLUMNS } from './deal.export.js';

export const dealRoutes =
  (deals: DealService, settings: DealSettingsService): FastifyPluginAsyncZod =>
  async (app) => {
    const tags = ['deals'];
    const internal = { authorize: assertSeesInternal };
    await app.register(
      listExportRoutes({
        path: '/deals',
        fileName: 'deals',
        title: 'Deals',
        tags: tags,
        query: DealListQuerySchema,
        authorize: assertSeesInternal,
        columns: DEAL_COLUMNS,
        list: (actor, q) => deals.list(actor, q),
      }),
    );
    app.get(
      '/deals',
      {
        config: internal,
        schema: {
          tags,
          summary: 'Deals of the accounts you read: by account, owner (`me`), stage, state and expected close period',
          querystring: DealListQuerySchema,
          response: { 200: pageOf(DealSchema) },
        },
      },
      async (req) => deals.list(req.requireActor(), req.query),
    );
    app.post(
      '/deals',
      {
        config: internal,
        schema: { tags, summary: 'Open a deal on an account you manage', body: DealCreateSchema, response: { 201: DealSchema } },
      },
      async (req, reply) => reply.code(201).send(await deals.create(req.requireActor(), req.body)),
    );
    app.get(
      '/deals/:id',
      { schema: { tags, summary: 'One deal', params: IdParamsSchema, response: { 200: DealSchema } } },
      async (req, reply) => withEtag(reply, await deals.get(req.requireActor(), req.params.id)),
    );
    app.patch(
      '/deals/:id',
      {
        schema: {
          tags,
          summary: 'Change a deal (send If-Match); an open deal keeps a next step with a date',
          params: IdParamsSchema,
          body: DealUpdateSchema,
          response: { 200: DealSchema },
        },
      },
      async (req, reply) => withEtag(reply, await deals.update(req.requireActor(), req.params.id, req.body, expectedVersion(req))),
    );
    app.post(
      '/deals/:id/stage',
      {
        schema: {
          tags,
          summary:
            'Move a deal to another stage: an illegal move answers 400 naming the allowed ones; `lost` needs a configured reason, `won` a note',
          params: IdParamsSchema,
          body: DealStageMoveSchema,
          response: { 200: DealSchema },
        },
      },
      async (req, reply) => withEtag(reply, await deals.moveStage(req.requireActor(), req.params.id, req.body, expectedVersion(req))),
    );
    app.get(
      '/deals/:id/stages',
      {
        schema: {
          tags,
          summary: 'The deal’s moves along the pipeline, its opening first',
          params: IdParamsSchema,
          response: { 200: z.object({ items: z.array(DealStageChangeSchema) }) },
        },
      },
      async (req) => ({ items: await deals.history(req.requireActor(), req.params.id) }),
    );
    await app.register(
      settingsRoutes(settings, {
        name: 'deals',
        tags,
        schema: DealSettingsSchema,
        read: { authorize: assertSeesInternal, summary: 'The pipeline’s stages (names, default probabilities) and lost reasons' },
        write: {
          method: 'put',
          authorize: assertAdmin,
          summary: 'Change the stages’ names and probabilities and the lost reasons (admins)',
          body: DealSettingsSchema,
        },
      }),
    );
  };
