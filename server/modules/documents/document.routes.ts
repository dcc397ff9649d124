import { settingsRoutes } from '../settings/index.js';
import type { FastifyReply } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { IdParamsSchema, pageOf } from '../../../common/schemas/common.js';
import {
  DocumentCancelSchema,
  DocumentCreateSchema,
  DocumentEventSchema,
  DocumentListQuerySchema,
  DocumentSchema,
  DocumentSentSchema,
  DocumentSendSchema,
  DocumentSettingsSchema,
  DocumentSettingsUpdateSchema,
  DocumentSummarySchema,
  DocumentUpdateSchema,
  InvoiceSendSchema,
  InvoiceSentSchema,
} from '../../../common/schemas/document.js';
import { expectedVersion, withEtag } from '../../lib/http.js';
import { assertAdmin, assertCanCreateDocuments, assertSeesDocuments, assertStaff } from '../access/index.js';
import type { DocumentLifecycle } from './document.lifecycle.js';
import type { DocumentService } from './document.service.js';
import type { DocumentSettingsService } from './document.settings.js';
import type { InvoicePaperService } from './invoice.paper.js';
import { listExportRoutes } from '../../lib/export/index.js';
import { DOCUMENT_COLUMNS } from './document.export.js';

const tags = ['documents'];
export const pdfResponse = { 200: z.string().describe('application/pdf') };

/**
 * Sends PDF bytes to be shown in the browser's viewer (or saved under the name). The app's
 * own pages may frame it (the document page embeds it); no other site may, and it loads nothing.
 */
export function sendPdf(reply: FastifyReply, pdf: { bytes: Buffer; filename: string }) {
  return reply
    .type('application/pdf')
    .header('content-disposition', `inline; filename="${pdf.filename}"`)
    .header('content-security-policy', "default-src 'none'; frame-ancestors 'self'")
    .header('x-frame-options', 'SAMEORIGIN')
    .send(pdf.bytes);
}

export const documentRoutes =
  (
    documents: DocumentService,
    lifecycle: DocumentLifecycle,
    settings: DocumentSettingsService,
    invoices: InvoicePaperService,
  ): FastifyPluginAsyncZod =>
  async (app) => {
    await app.register(
      listExportRoutes({
        path: '/documents',
        fileName: 'documents',
        title: 'Documents',
        tags: tags,
        query: DocumentListQuerySchema,
        authorize: assertSeesDocuments,
        columns: DOCUMENT_COLUMNS,
        list: (actor, q) => documents.list(actor, q),
      }),
    );
    app.get(
      '/documents',
      {
        config: { authorize: assertSeesDocuments },
        schema: {
          tags,
          summary: 'The documents registry: those you can see, filtered by kind, status, account, project and period',
          querystring: DocumentListQuerySchema,
          response: { 200: pageOf(DocumentSummarySchema) },
        },
      },
      async (req) => documents.list(req.requireActor(), req.query),
    );

    app.post(
      '/documents',
      {
        config: { authorize: assertCanCreateDocuments },
        schema: {
          tags,
          summary: 'Draft a document for an account (language and currency default to the account’s)',
          body: DocumentCreateSchema,
          response: { 201: DocumentSchema },
        },
      },
      async (req, reply) => reply.code(201).send(await documents.create(req.requireActor(), req.body)),
    );

    app.get(
      '/documents/:id',
      { schema: { tags, summary: 'One document with its lines', params: IdParamsSchema, response: { 200: DocumentSchema } } },
      async (req, reply) => withEtag(reply, await documents.get(req.requireActor(), req.params.id)),
    );

    app.patch(
      '/documents/:id',
      {
        schema: {
          tags,
          summary: 'Change a draft (409 once sent: the content is frozen); send If-Match with its version',
          params: IdParamsSchema,
          body: DocumentUpdateSchema,
          response: { 200: DocumentSchema },
        },
      },
      async (req, reply) => withEtag(reply, await documents.update(req.requireActor(), req.params.id, req.body, expectedVersion(req))),
    );

    app.get(
      '/documents/:id/pdf',
      {
        schema: {
          tags,
          summary: 'The PDF: the frozen bytes once sent, a marked draft before',
          params: IdParamsSchema,
          response: pdfResponse,
        },
      },
      async (req, reply) => sendPdf(reply, await documents.pdf(req.requireActor(), req.params.id)),
    );

    app.get(
      '/documents/:id/history',
      {
        config: { authorize: assertStaff },
        schema: {
          tags,
          summary: 'What happened to the document, with each email’s delivery',
          params: IdParamsSchema,
          response: { 200: z.object({ items: z.array(DocumentEventSchema) }) },
        },
      },
      async (req) => ({ items: await documents.history(req.requireActor(), req.params.id) }),
    );

    app.post(
      '/documents/:id/send',
      {
        schema: {
          tags,
          summary: 'Email the PDF to contacts of the account; the first send numbers the document and freezes it (409 when cancelled)',
          params: IdParamsSchema,
          body: DocumentSendSchema,
          response: { 200: DocumentSentSchema },
        },
      },
      async (req) => lifecycle.send(req.requireActor(), req.params.id, req.body, expectedVersion(req)),
    );

    app.post(
      '/documents/:id/cancel',
      {
        schema: {
          tags,
          summary: 'Cancel a draft or a sent document (a sent one keeps its number)',
          params: IdParamsSchema,
          body: DocumentCancelSchema,
          response: { 200: DocumentSchema },
        },
      },
      async (req, reply) =>
        withEtag(reply, await lifecycle.cancel(req.requireActor(), req.params.id, req.body.reason, expectedVersion(req))),
    );

    await app.register(
      settingsRoutes(settings, {
        name: 'documents',
        tags: ['settings'],
        schema: DocumentSettingsSchema,
        read: { authorize: assertStaff, summary: 'Document number formats per kind' },
        write: {
          method: 'patch',
          authorize: assertAdmin,
          summary: 'Change number formats ({YYYY}, {YY}, and a run of N for the counter)',
          body: DocumentSettingsUpdateSchema,
        },
      }),
    );

    app.get(
      '/invoices/:id/pdf',
      {
        schema: {
          tags: ['invoices'],
          summary: 'The invoice as a PDF (for everyone who may read it)',
          params: IdParamsSchema,
          response: pdfResponse,
        },
      },
      async (req, reply) => sendPdf(reply, await invoices.pdf(req.requireActor(), req.params.id)),
    );

    app.post(
      '/invoices/:id/send',
      {
        schema: {
          tags: ['invoices'],
          summary: 'Email the invoice’s PDF to contacts of its account (issued invoices only)',
          params: IdParamsSchema,
          body: InvoiceSendSchema,
          response: { 200: InvoiceSentSchema },
        },
      },
      async (req) => invoices.send(req.requireActor(), req.params.id, req.body),
    );
  };
