import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { CalendarFeedSchema } from '../../../common/schemas/calendar-feed.js';
import { IdParamsSchema } from '../../../common/schemas/common.js';
import { notFound } from '../../lib/errors.js';
import type { CalendarFeedService } from './feed.service.js';

const tags = ['calendar'];
const once = 'The address is shown once, when made (only a hash is kept): later calls answer `url: null`; regenerate for a new one.';

/** The signed-in routes under /api/v1: one's own feed and accounts' feeds. */
export const feedRoutes =
  (feeds: CalendarFeedService): FastifyPluginAsyncZod =>
  async (app) => {
    app.get(
      '/me/calendar',
      {
        schema: {
          tags,
          summary: 'Your calendar feed: meetings, next steps, task and milestone due dates, claim deadlines (made on the first call)',
          description: once,
          response: { 200: CalendarFeedSchema },
        },
      },
      async (req) => feeds.mine(req.requireActor()),
    );
    app.post(
      '/me/calendar/regenerate',
      { schema: { tags, summary: 'A new address for your calendar feed; the old one answers 404', response: { 200: CalendarFeedSchema } } },
      async (req) => feeds.regenerate(req.requireActor(), null),
    );
    app.delete('/me/calendar', { schema: { tags, summary: 'End your calendar feed: its address answers 404' } }, async (req, reply) => {
      await feeds.revoke(req.requireActor(), null);
      return reply.code(204).send();
    });
    app.get(
      '/accounts/:id/calendar',
      {
        schema: {
          tags,
          summary: 'Your calendar feed of one account you look after (made on the first call)',
          description: once,
          params: IdParamsSchema,
          response: { 200: CalendarFeedSchema },
        },
      },
      async (req) => feeds.ofAccount(req.requireActor(), req.params.id),
    );
    app.post(
      '/accounts/:id/calendar/regenerate',
      {
        schema: {
          tags,
          summary: 'A new address for your feed of the account; the old one answers 404',
          params: IdParamsSchema,
          response: { 200: CalendarFeedSchema },
        },
      },
      async (req) => feeds.regenerate(req.requireActor(), req.params.id),
    );
    app.delete(
      '/accounts/:id/calendar',
      { schema: { tags, summary: 'End your feed of the account: its address answers 404', params: IdParamsSchema } },
      async (req, reply) => {
        await feeds.revoke(req.requireActor(), req.params.id);
        return reply.code(204).send();
      },
    );
  };

/** The secret address calendars fetch, at the site's root (no session: the secret is the credential). */
export const publicFeedRoutes =
  (feeds: CalendarFeedService): FastifyPluginAsyncZod =>
  async (app) => {
    app.get(
      '/calendar/:file',
      {
        config: { public: true },
        schema: {
          tags,
          summary: 'A calendar feed as iCalendar (`<secret>.ics`); 404 once regenerated or ended',
          security: [],
          params: z.object({ file: z.string().max(100) }),
        },
      },
      async (req, reply) => {
        const token = /^([\w-]{20,64})\.ics$/.exec(req.params.file)?.[1];
        if (!token) throw notFound('record');
        const body = await feeds.render(token);
        return reply.type('text/calendar; charset=utf-8').header('cache-control', 'private, max-age=300').send(body);
      },
    );
  };
