import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import {
  DocumentTemplateListSchema,
  DocumentTemplatePreviewSchema,
  DocumentTemplateSchema,
  DocumentTemplateUpdateSchema,
  KindParamsSchema,
} from '../../../common/schemas/document-template.js';
import { assertAdmin } from '../access/index.js';
import { pdfResponse, sendPdf } from './document.routes.js';
import type { TemplatePreview } from './template.preview.js';
import type { TemplateService } from './template.service.js';

const tags = ['documents'];

export const templateRoutes =
  (templates: TemplateService, preview: TemplatePreview): FastifyPluginAsyncZod =>
  async (app) => {
    app.get(
      '/document-templates',
      {
        config: { authorize: assertAdmin },
        schema: {
          tags,
          summary: 'The text blocks of every kind in English and Russian, and the placeholders they may use',
          response: { 200: DocumentTemplateListSchema },
        },
      },
      async (req) => templates.list(req.requireActor()),
    );

    app.put(
      '/document-templates/:kind',
      {
        config: { authorize: assertAdmin },
        schema: {
          tags,
          summary: 'Reword blocks of a kind; an unknown placeholder, a section, a partial or an include is a 400 naming it',
          params: KindParamsSchema,
          body: DocumentTemplateUpdateSchema,
          response: { 200: DocumentTemplateSchema },
        },
      },
      async (req) => templates.update(req.requireActor(), req.params.kind, req.body),
    );

    app.post(
      '/document-templates/:kind/preview',
      {
        config: { authorize: assertAdmin },
        schema: {
          tags,
          summary: 'A PDF of the kind with sample data and the given (unsaved) blocks, checked as on save',
          params: KindParamsSchema,
          body: DocumentTemplatePreviewSchema,
          response: pdfResponse,
        },
      },
      async (req, reply) => sendPdf(reply, await preview.render(req.requireActor(), req.params.kind, req.body)),
    );
  };
