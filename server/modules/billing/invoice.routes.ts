import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { IdParamsSchema, pageOf } from '../../../common/schemas/common.js';
import {
  CreditNoteCreateSchema,
  InvoiceCreateSchema,
  InvoiceIssueSchema,
  InvoiceIssuedSchema,
  InvoiceListQuerySchema,
  InvoiceSchema,
  InvoiceSummarySchema,
  InvoiceUpdateSchema,
  InvoiceVoidSchema,
} from '../../../common/schemas/invoice.js';
import { expectedVersion, withEtag } from '../../lib/http.js';
import type { InvoiceLifecycle } from './invoice.lifecycle.js';
import type { InvoiceService } from './invoice.service.js';
import { assertCanCreateInvoices, assertSeesBilling } from '../access/index.js';
import { listExportRoutes } from '../../lib/export/index.js';
import { INVOICE_COLUMNS } from './invoice.export.js';

const tags = ['invoices'];

export const invoiceRoutes =
  (invoices: InvoiceService, lifecycle: InvoiceLifecycle): FastifyPluginAsyncZod =>
  async (app) => {
    await app.register(
      listExportRoutes({
        path: '/invoices',
        fileName: 'invoices',
        title: 'Invoices',
        tags: tags,
        query: InvoiceListQuerySchema,
        authorize: assertSeesBilling,
        columns: INVOICE_COLUMNS,
        list: (actor, q) => invoices.list(actor, q),
      }),
    );
    app.get(
      '/invoices',
      {
        config: { authorize: assertSeesBilling },
        schema: {
          tags,
          summary: 'Invoices and credit notes you can see; status=overdue and bucket=… drill into receivables',
          querystring: InvoiceListQuerySchema,
          response: { 200: pageOf(InvoiceSummarySchema) },
        },
      },
      async (req) => invoices.list(req.requireActor(), req.query),
    );

    app.post(
      '/invoices',
      {
        config: { authorize: assertCanCreateInvoices },
        schema: {
          tags,
          summary: 'Create a draft invoice with lines; totals are computed here',
          body: InvoiceCreateSchema,
          response: { 201: InvoiceSchema },
        },
      },
      async (req, reply) => reply.code(201).send(await invoices.create(req.requireActor(), req.body)),
    );

    app.get(
      '/invoices/:id',
      { schema: { tags, summary: 'One invoice with its lines', params: IdParamsSchema, response: { 200: InvoiceSchema } } },
      async (req, reply) => withEtag(reply, await invoices.get(req.requireActor(), req.params.id)),
    );

    app.patch(
      '/invoices/:id',
      {
        schema: {
          tags,
          summary: 'Change a draft (409 once issued); send If-Match with its version',
          params: IdParamsSchema,
          body: InvoiceUpdateSchema,
          response: { 200: InvoiceSchema },
        },
      },
      async (req, reply) => withEtag(reply, await invoices.update(req.requireActor(), req.params.id, req.body, expectedVersion(req))),
    );

    app.post(
      '/invoices/:id/issue',
      {
        schema: {
          tags,
          summary: 'Issue a draft: the next gap-free number, the due date from the payment terms, and any credit warnings',
          params: IdParamsSchema,
          body: InvoiceIssueSchema.optional(),
          response: { 200: InvoiceIssuedSchema },
        },
      },
      async (req, reply) =>
        withEtag(reply, await lifecycle.issue(req.requireActor(), req.params.id, req.body?.issueDate, expectedVersion(req))),
    );

    app.post(
      '/invoices/:id/void',
      {
        schema: {
          tags,
          summary: 'Void an invoice with no payments (its number stays taken)',
          params: IdParamsSchema,
          body: InvoiceVoidSchema,
          response: { 200: InvoiceSchema },
        },
      },
      async (req, reply) => withEtag(reply, await lifecycle.void(req.requireActor(), req.params.id, req.body.reason, expectedVersion(req))),
    );

    app.post(
      '/invoices/:id/credit-note',
      {
        schema: {
          tags,
          summary: 'Correct an issued invoice with a credit note (a negative invoice linked to it); no lines credits the whole balance',
          params: IdParamsSchema,
          body: CreditNoteCreateSchema,
          response: { 201: InvoiceSchema },
        },
      },
      async (req, reply) => reply.code(201).send(await lifecycle.creditNote(req.requireActor(), req.params.id, req.body)),
    );
  };
