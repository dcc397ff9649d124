import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { DealExportQuerySchema, DealStageTotalSchema } from '../../../common/schemas/deal.js';
import { assertSeesInternal } from '../access/index.js';
import type { DealService } from './deal.service.js';

/** What the pipeline board and the list view read beside the list: each stage's totals. */
export const dealBoardRoutes =
  (deals: DealService): FastifyPluginAsyncZod =>
  async (app) => {
    app.get(
      '/deals/totals',
      {
        config: { authorize: assertSeesInternal },
        schema: {
          tags: ['deals'],
          summary: 'How many deals the list with these filters holds and their amount, per stage and currency',
          querystring: DealExportQuerySchema,
          response: { 200: z.object({ items: z.array(DealStageTotalSchema) }) },
        },
      },
      async (req) => ({ items: await deals.stageTotals(req.requireActor(), req.query) }),
    );
  };
