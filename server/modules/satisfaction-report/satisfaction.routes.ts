import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import {
  SatisfactionRecordPageSchema,
  SatisfactionRecordsQuerySchema,
  SatisfactionReportSchema,
  SatisfactionScopeQuerySchema,
} from '../../../common/schemas/satisfaction-report.js';
import { assertSeesInternal } from '../access/index.js';
import type { SatisfactionReports } from './satisfaction.report.js';

export const satisfactionReportRoutes =
  (reports: SatisfactionReports): FastifyPluginAsyncZod =>
  async (app) => {
    app.get(
      '/reports/satisfaction',
      {
        config: { authorize: assertSeesInternal },
        schema: {
          tags: ['reports'],
          summary:
            'Cooperation analysis for a period, per account, per manager or agency-wide: NPS trend, CSAT by project, kind of work and specialist, claims Pareto and deadlines, late work and payments per account, causes of dissatisfaction',
          querystring: SatisfactionScopeQuerySchema,
          response: { 200: SatisfactionReportSchema },
        },
      },
      async (req) => reports.report(req.requireActor(), req.query),
    );
    app.get(
      '/reports/satisfaction/records',
      {
        config: { authorize: assertSeesInternal },
        schema: {
          tags: ['reports'],
          summary: 'The records behind an item of the cooperation analysis (its `drill`), newest first, a page at a time',
          querystring: SatisfactionRecordsQuerySchema,
          response: { 200: SatisfactionRecordPageSchema },
        },
      },
      async (req) => reports.records(req.requireActor(), req.query),
    );
  };
