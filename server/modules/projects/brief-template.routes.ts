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
          summary: 'Brief questionnaires per kind of work, in each language',
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
          summary: 'Edit a questionnaire in one or both languages (admins)',
          params: z.object({ kind: z.enum(WORK_KINDS) }),
          body: BriefTemplateUpdateSchema,
          response: { 200: BriefTemplateSchema },
        },
      },
      async (req) => {
        const { questions, questionsByLanguage } = req.body;
        // `questions` is the English questionnaire, as the API took it before templates had languages.
        const byLanguage = { ...questionsByLanguage, ...(questions ? { en: questions } : {}) };
        return templates.set(req.requireActor(), req.params.kind, byLanguage, (language) =>
          questions && language === 'en' ? 'questions' : `questionsByLanguage.${language}`,
        );
      },
    );
  };
