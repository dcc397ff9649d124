import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { IdParamsSchema } from '../../../common/schemas/common.js';
import {
  ReceivablesQuerySchema,
  ReceivablesReportSchema,
  StatementQuerySchema,
  StatementSchema,
} from '../../../common/schemas/receivables.js';
import { csvFileName } from '../../lib/csv.js';
import type { ReceivablesService } from './receivables.service.js';
import type { StatementService } from './statement.service.js';
import { assertSeesReceivables } from '../access/index.js';

const csvResponse = { 200: z.string().describe('text/csv') };

export const receivablesRoutes =
  (receivables: ReceivablesService, statements: StatementService): FastifyPluginAsyncZod =>
  async (app) => {
    app.get(
      '/reports/receivables',
      {
        config: { authorize: assertSeesReceivables },
        schema: {
          tags: ['reports'],
          summary: 'Receivables aging (current, 1–30, 31–60, 61–90, 90+ days) per account or manager, with totals per currency',
          querystring: ReceivablesQuerySchema,
          response: { 200: ReceivablesReportSchema },
        },
      },
      async (req) => receivables.report(req.requireActor(), req.query),
    );

    app.get(
      '/reports/receivables.csv',
      {
        config: { authorize: assertSeesReceivables },
        schema: {
          tags: ['reports'],
          summary: 'The receivables aging report as CSV',
          querystring: ReceivablesQuerySchema.omit({ cursor: true, limit: true }),
          response: csvResponse,
        },
      },
      async (req, reply) => {
        const body = await receivables.csv(req.requireActor(), { ...req.query, limit: 200 });
        return reply
          .type('text/csv; charset=utf-8')
          .header('content-disposition', `attachment; filename="${csvFileName(`receivables-${req.query.groupBy}`)}"`)
          .send(body);
      },
    );

    app.get(
      '/accounts/:id/statement',
      {
        schema: {
          tags: ['accounts'],
          summary: 'Account statement: invoices, credit notes, payments and the running balance',
          params: IdParamsSchema,
          querystring: StatementQuerySchema,
          response: { 200: StatementSchema },
        },
      },
      async (req) => statements.statement(req.requireActor(), req.params.id, req.query),
    );

    app.get(
      '/accounts/:id/statement.csv',
      {
        schema: {
          tags: ['accounts'],
          summary: 'The account statement as CSV',
          params: IdParamsSchema,
          querystring: StatementQuerySchema,
          response: csvResponse,
        },
      },
      async (req, reply) => {
        const { filename, body } = await statements.csv(req.requireActor(), req.params.id, req.query);
        return reply
          .type('text/csv; charset=utf-8')
          .header('content-disposition', `attachment; filename="${csvFileName(filename)}"`)
          .send(body);
      },
    );
  };
