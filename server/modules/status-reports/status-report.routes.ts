import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { IdParamsSchema } from '../../../common/schemas/common.js';
import {
  StatusReportCreateSchema,
  StatusReportCreatedSchema,
  StatusReportPeriodQuerySchema,
  StatusReportPreviewSchema,
} from '../../../common/schemas/status-report.js';
import type { StatusReportService } from './status-report.service.js';

const tags = ['projects', 'documents'];

export const statusReportRoutes =
  (reports: StatusReportService): FastifyPluginAsyncZod =>
  async (app) => {
    app.get(
      '/projects/:id/status-reports/preview',
      {
        schema: {
          tags,
          summary: 'What the status report of a period would say and to whom it would go (default: the last schedule period)',
          params: IdParamsSchema,
          querystring: StatusReportPeriodQuerySchema,
          response: { 200: StatusReportPreviewSchema },
        },
      },
      async (req) => reports.preview(req.requireActor(), req.params.id, req.query),
    );

    app.post(
      '/projects/:id/status-reports',
      {
        schema: {
          tags,
          summary:
            'Make the status report of a period (default: the last schedule period) and email its PDF to the contacts who receive reports, one document per language they read; 409 when none does. With send: false, a draft to review',
          params: IdParamsSchema,
          body: StatusReportCreateSchema,
          response: { 201: StatusReportCreatedSchema },
        },
      },
      async (req, reply) => reply.code(201).send(await reports.create(req.requireActor(), req.params.id, req.body)),
    );
  };
