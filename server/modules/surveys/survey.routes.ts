import { settingsRoutes } from '../settings/index.js';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { IdParamsSchema, pageOf } from '../../../common/schemas/common.js';
import {
  PortalSurveySchema,
  PublicSurveySchema,
  SurveyAnswerSchema,
  SurveyCreateSchema,
  SurveyListQuerySchema,
  SurveySchema,
  SurveySettingsSchema,
  SurveyTokenParamsSchema,
} from '../../../common/schemas/survey.js';
import { withEtag } from '../../lib/http.js';
import { assertAdmin, assertPortalUser, assertSeesInternal } from '../access/index.js';
import type { SurveyAnswers } from './survey.answers.js';
import type { SurveyService } from './survey.service.js';
import type { SurveySettingsService } from './survey.settings.js';

const LINK_PROBLEMS =
  'A link that does not work answers 404 (not a survey’s link) or 410 (already answered, or past its 30 days) with a message saying so; such links are limited per client address (429 with Retry-After).';

export const surveyRoutes =
  (surveys: SurveyService, answers: SurveyAnswers, settings: SurveySettingsService): FastifyPluginAsyncZod =>
  async (app) => {
    const tags = ['surveys'];
    const internal = { authorize: assertSeesInternal };
    app.get(
      '/surveys',
      {
        config: internal,
        schema: {
          tags,
          summary: 'Surveys of the accounts you read, newest first: by account, project, kind and answered or not',
          querystring: SurveyListQuerySchema,
          response: { 200: pageOf(SurveySchema) },
        },
      },
      async (req) => surveys.list(req.requireActor(), req.query),
    );
    app.post(
      '/surveys',
      {
        config: internal,
        schema: {
          tags,
          summary: 'Send a survey now to a contact of an account you manage (409 when the contact was asked within the throttle period)',
          body: SurveyCreateSchema,
          response: { 201: SurveySchema },
        },
      },
      async (req, reply) => reply.code(201).send(await surveys.send(req.requireActor(), req.body)),
    );
    app.get(
      '/surveys/:id',
      { schema: { tags, summary: 'One survey and its answer', params: IdParamsSchema, response: { 200: SurveySchema } } },
      async (req, reply) => withEtag(reply, await surveys.get(req.requireActor(), req.params.id)),
    );

    await app.register(
      settingsRoutes(settings, {
        name: 'surveys',
        tags,
        schema: SurveySettingsSchema,
        read: { authorize: assertAdmin, summary: 'Survey triggers, throttle and the follow-up of a low answer (admins)' },
        write: {
          method: 'put',
          authorize: assertAdmin,
          summary: 'Change the survey triggers, throttle and follow-up (admins)',
          body: SurveySettingsSchema,
        },
      }),
    );

    const portal = { authorize: assertPortalUser };
    app.get(
      '/portal/surveys',
      {
        config: portal,
        schema: {
          tags: ['portal'],
          summary: 'The client’s own surveys waiting for an answer; 403 for staff',
          response: { 200: z.object({ items: z.array(PortalSurveySchema) }) },
        },
      },
      async (req) => ({ items: await answers.pendingInPortal(req.requireActor()) }),
    );
    app.post(
      '/portal/surveys/:id/answer',
      {
        config: portal,
        schema: {
          tags: ['portal'],
          summary: 'Answer one of your own surveys: 400 for a score outside the kind’s range, 410 once answered or expired',
          params: IdParamsSchema,
          body: SurveyAnswerSchema,
          response: { 204: z.null() },
        },
      },
      async (req, reply) => {
        await answers.answerInPortal(req.requireActor(), req.params.id, req.body);
        return reply.code(204).send(null);
      },
    );

    const open = { public: true, twoFactorExempt: true };
    app.get(
      '/public/surveys/:token',
      {
        config: open,
        schema: {
          tags,
          summary:
            'The survey behind an emailed link, without signing in: the question in the contact’s language, the agency, the kind and the project',
          description: LINK_PROBLEMS,
          params: SurveyTokenParamsSchema,
          response: { 200: PublicSurveySchema },
        },
      },
      async (req) => answers.open(req.params.token, req.ip),
    );
    app.post(
      '/public/surveys/:token',
      {
        config: open,
        schema: {
          tags,
          summary: 'Answer the survey behind an emailed link, once: NPS 0–10, CSAT 1–5 (400 otherwise), with an optional comment',
          description: LINK_PROBLEMS,
          params: SurveyTokenParamsSchema,
          body: SurveyAnswerSchema,
          response: { 204: z.null() },
        },
      },
      async (req, reply) => {
        await answers.answerByLink(req.params.token, req.body, req.ip);
        return reply.code(204).send(null);
      },
    );
  };
