import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { WORK_KINDS } from '../../../common/enums.js';
import { BriefTemplateSchema, BriefTemplateUpdateSchema } from '../../../common/schemas/task.js';
import type { BriefTemplateService } from './brief-template.service.js';
import { assertAdmin } from '../access/index.js';

export const briefTemplateRoutes =
  (templates: BriefTemplateService): FastifyPluginAsyncZod =>
  async (app) => {
    app.get(
      '/brief-templates',
      {
        schema: {
          tags: ['plans'],
          summary: 'Brief questionnaires per kind of work',
          response: { 200: z.object({ items: z.array(BriefTemplateSchema) }) },
        },
      },
      async (req) => {
        req.requireActor();
        return { items: await templates.list() };
      },
    );
    app.put(
      '/brief-templates/:kind',
      {
        config: { authorize: assertAdmin },
        schema: {
          tags: ['plans'],
          summary: 'Edit a questionnaire (admins)',
          params: z.object({ kind: z.enum(WORK_KINDS) }),
          body: BriefTemplateUpdateSchema,
          response: { 200: BriefTemplateSchema },
        },
      },
      async (req) => templates.set(req.requireActor(), req.params.kind, req.body.questions),
    );
  };
