import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import {
  AgendaDismissSchema,
  AgendaKeyParamsSchema,
  AgendaSnoozeSchema,
  TodayQuerySchema,
  TodaySchema,
} from '../../../common/schemas/today.js';
import { assertHasToday } from '../access/index.js';
import type { TodayService } from './today.service.js';

export const todayRoutes =
  (today: TodayService): FastifyPluginAsyncZod =>
  async (app) => {
    const tags = ['today'];
    const staff = { authorize: assertHasToday };
    app.get(
      '/today',
      {
        config: staff,
        schema: {
          tags,
          summary:
            'What needs you now: Overdue, Today and This week, most urgent first, with counts per kind (`as`: a colleague you back up)',
          querystring: TodayQuerySchema,
          response: { 200: TodaySchema },
        },
      },
      async (req) => today.read(req.requireActor(), req.query.as),
    );
    app.post(
      '/today/:key/snooze',
      {
        config: staff,
        schema: { tags, summary: 'Hide an item of your Today until a later day', params: AgendaKeyParamsSchema, body: AgendaSnoozeSchema },
      },
      async (req, reply) => {
        await today.snooze(req.requireActor(), req.params.key, req.body.until);
        return reply.code(204).send();
      },
    );
    app.post(
      '/today/:key/done',
      { config: staff, schema: { tags, summary: 'Mark an item of your Today done', params: AgendaKeyParamsSchema } },
      async (req, reply) => {
        await today.done(req.requireActor(), req.params.key);
        return reply.code(204).send();
      },
    );
    app.post(
      '/today/:key/dismiss',
      {
        config: staff,
        schema: { tags, summary: 'Take an item off your Today, saying why', params: AgendaKeyParamsSchema, body: AgendaDismissSchema },
      },
      async (req, reply) => {
        await today.dismiss(req.requireActor(), req.params.key, req.body.reason);
        return reply.code(204).send();
      },
    );
  };
