import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { IdParamsSchema, pageOf } from '../../../common/schemas/common.js';
import { TimelineEntrySchema, TimelineQuerySchema } from '../../../common/schemas/timeline.js';
import type { HistoryService } from './history.service.js';

export const historyRoutes =
  (history: HistoryService): FastifyPluginAsyncZod =>
  async (app) => {
    app.get(
      '/accounts/:id/timeline',
      {
        schema: {
          tags: ['accounts'],
          summary: 'Interactions and system events, newest first; `kinds` keeps some kinds only',
          params: IdParamsSchema,
          querystring: TimelineQuerySchema,
          response: { 200: pageOf(TimelineEntrySchema) },
        },
      },
      async (req) => history.page(req.requireActor(), req.params.id, req.query.limit, req.query.cursor, req.query.kinds),
    );
  };
