import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { PipelineReportQuerySchema, PipelineReportSchema } from '../../../common/schemas/deal-report.js';
import { assertSeesInternal } from '../access/index.js';
import type { DealReports } from './deal.report.js';

export const dealReportRoutes =
  (reports: DealReports): FastifyPluginAsyncZod =>
  async (app) => {
    app.get(
      '/reports/pipeline',
      {
        config: { authorize: assertSeesInternal },
        schema: {
          tags: ['reports'],
          summary:
            'The sales report over the deals you read: weighted forecast by expected close month per currency, win rate, cycle length, lost reasons',
          querystring: PipelineReportQuerySchema,
          response: { 200: PipelineReportSchema },
        },
      },
      async (req) => reports.pipeline(req.requireActor(), req.query),
    );
  };
