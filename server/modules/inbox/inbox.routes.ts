import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { IdParamsSchema } from '../../../common/schemas/common.js';
import {
  InboxPageSchema,
  InboxQuerySchema,
  StaffNotificationPreferencesSchema,
  StaffNotificationPreferencesUpdateSchema,
} from '../../../common/schemas/inbox.js';
import { assertHasToday } from '../access/index.js';
import type { InboxPreferences } from './inbox.preferences.js';
import type { InboxService } from './inbox.service.js';

const KINDS =
  'Kinds: `agenda` (a high or critical item new on your Today; in the digest, what is overdue or due today), `client_message` (a client wrote on an account you manage or back up), `assignment` (a task or an account given to you).';

export const inboxRoutes =
  (inbox: InboxService, preferences: InboxPreferences): FastifyPluginAsyncZod =>
  async (app) => {
    const tags = ['inbox'];
    const config = { authorize: assertHasToday };
    app.get(
      '/inbox',
      {
        config,
        schema: {
          tags,
          summary: 'Your notices (the bell), newest first, and how many are unread',
          description: `For staff (clients 403). Only your own notices, of the kinds you keep on in the app. ${KINDS}`,
          querystring: InboxQuerySchema,
          response: { 200: InboxPageSchema },
        },
      },
      async (req) => inbox.list(req.requireActor(), req.query),
    );
    app.post(
      '/inbox/:id/read',
      {
        config,
        schema: { tags, summary: 'Mark one of your notices read (another person’s 404)', params: IdParamsSchema },
      },
      async (req, reply) => {
        await inbox.markRead(req.requireActor(), req.params.id);
        return reply.code(204).send();
      },
    );
    app.post('/inbox/read-all', { config, schema: { tags, summary: 'Mark all your notices read' } }, async (req, reply) => {
      await inbox.markAllRead(req.requireActor());
      return reply.code(204).send();
    });
    app.get(
      '/auth/me/notification-preferences',
      {
        config,
        schema: {
          tags,
          summary: 'What you are told of in the app and in the morning digest, and when the digest comes',
          description: `For staff. Everything is on until turned off; the digest comes at 08:00 in the agency’s time zone until you choose. ${KINDS}`,
          response: { 200: StaffNotificationPreferencesSchema },
        },
      },
      async (req) => preferences.mine(req.requireActor()),
    );
    app.patch(
      '/auth/me/notification-preferences',
      {
        config,
        schema: {
          tags,
          summary: 'Change what you are told of and when the digest comes',
          description: `For staff. Choices not named stay as they are; \`timeZone: null\` follows the agency’s zone. Recorded in the audit log. ${KINDS}`,
          body: StaffNotificationPreferencesUpdateSchema,
          response: { 200: StaffNotificationPreferencesSchema },
        },
      },
      async (req) => preferences.updateMine(req.requireActor(), req.body),
    );
  };
