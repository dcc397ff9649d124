import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { AgencyCalendarSchema } from '../../../common/schemas/calendar.js';
import type { AgencyCalendar } from './agency-calendar.js';

export const calendarRoutes =
  (calendar: AgencyCalendar): FastifyPluginAsyncZod =>
  async (app) => {
    app.get(
      '/settings/calendar',
      {
        schema: {
          tags: ['settings'],
          summary: 'Today and this week in the agency’s time zone (anyone signed in)',
          response: { 200: AgencyCalendarSchema },
        },
      },
      async (req) => {
        req.requireActor();
        return calendar.current();
      },
    );
  };
