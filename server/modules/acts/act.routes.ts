import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { ActChainLinkSchema, ActCreateSchema, ActPreviewSchema } from '../../../common/schemas/act.js';
import { IdParamsSchema } from '../../../common/schemas/common.js';
import { DocumentSchema } from '../../../common/schemas/document.js';
import { InvoiceSchema } from '../../../common/schemas/invoice.js';
import { withEtag } from '../../lib/http.js';
import type { ActInvoicing } from './act.invoicing.js';
import type { ActService } from './act.service.js';

const tags = ['documents'];

export const actRoutes =
  (acts: ActService, invoicing: ActInvoicing): FastifyPluginAsyncZod =>
  async (app) => {
    app.post(
      '/projects/:id/acts/preview',
      {
        schema: {
          tags,
          summary: 'The lines an act of completed work would have now (a period or chosen milestones), without drafting it',
          params: IdParamsSchema,
          body: ActCreateSchema,
          response: { 200: ActPreviewSchema },
        },
      },
      async (req) => acts.preview(req.requireActor(), req.params.id, req.body),
    );

    app.post(
      '/projects/:id/acts',
      {
        schema: {
          tags,
          summary:
            'Draft an act of completed work from what the project delivered: in a period (from, to) or for chosen milestones, priced by hours × role rates or by the milestones’ fixed prices (the project’s actBasis); 409 when nothing was delivered or a rate or price is missing',
          params: IdParamsSchema,
          body: ActCreateSchema,
          response: { 201: DocumentSchema },
        },
      },
      async (req, reply) => reply.code(201).send(await acts.create(req.requireActor(), req.params.id, req.body)),
    );

    app.post(
      '/documents/:id/invoice',
      {
        schema: {
          tags: ['invoices'],
          summary:
            'Make the invoice (a draft) from a signed act: every line of the act and a reference to it (409 naming the invoice when it has one)',
          params: IdParamsSchema,
          response: { 201: InvoiceSchema },
        },
      },
      async (req, reply) => {
        const invoice = await invoicing.invoice(req.requireActor(), req.params.id);
        return withEtag(reply.code(201), invoice);
      },
    );

    app.get(
      '/accounts/:id/acts',
      {
        schema: {
          tags,
          summary:
            'The account’s chain from delivered work to money: each act (status) with the invoice made from it (status) and what is paid',
          params: IdParamsSchema,
          querystring: z.object({ limit: z.coerce.number().int().min(1).max(200).default(50) }),
          response: { 200: z.object({ items: z.array(ActChainLinkSchema), nextCursor: z.null() }) },
        },
      },
      async (req) => ({ items: await invoicing.chain(req.requireActor(), req.params.id, req.query.limit), nextCursor: null }),
    );
  };
