import type { Readable } from 'node:stream';
import type { FastifyReply } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { DealExportQuerySchema, DealStageTotalSchema } from '../../../common/schemas/deal.js';
import { csvFileName } from '../../lib/csv.js';
import { assertSeesInternal } from '../access/index.js';
import { dealsCsv } from './deal.export.js';
import type { DealService } from './deal.service.js';

/** A CSV download written as it is read (the schema's string describes the file, not the stream). */
const sendStream = (reply: FastifyReply, body: Readable) =>
  reply
    .type('text/csv; charset=utf-8')
    .header('content-disposition', `attachment; filename="${csvFileName('deals')}"`)
    .send(body);

/** What the pipeline board and the list view read beside the list: each stage's totals, and the list as CSV. */
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
    app.get(
      '/deals/export',
      {
        config: { authorize: assertSeesInternal },
        schema: {
          tags: ['deals'],
          summary: 'The deals list with the same filters and order as a CSV file (UTF-8 with a byte-order mark), every page of it',
          querystring: DealExportQuerySchema,
          response: { 200: z.string().describe('text/csv') },
        },
      },
      async (req, reply) => sendStream(reply, await dealsCsv(deals, req.requireActor(), req.query)),
    );
  };
