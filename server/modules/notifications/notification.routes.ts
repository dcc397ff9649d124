import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { IdParamsSchema } from '../../../common/schemas/common.js';
import {
  NotificationPreferencesSchema,
  NotificationPreferencesUpdateSchema,
  UnsubscribedSchema,
  UnsubscribeParamsSchema,
} from '../../../common/schemas/notification.js';
import type { NotificationService } from './notification.service.js';

const KINDS =
  'Kinds: `plan_approval` (a plan awaits approval), `requirement_approval`, `document_signature` (an act or contract was sent to sign), `invoice_issued`, `status_report`, `request_reply` (an answer to the client’s request). All are on until turned off.';

export const notificationRoutes =
  (notifications: NotificationService): FastifyPluginAsyncZod =>
  async (app) => {
    app.get(
      '/contacts/:id/notification-preferences',
      {
        schema: {
          tags: ['contacts'],
          summary: 'What the contact is told about by email',
          description: `For staff who read the contact’s account (others 404; client users use /portal/notification-preferences). ${KINDS}`,
          params: IdParamsSchema,
          response: { 200: NotificationPreferencesSchema },
        },
      },
      async (req) => notifications.preferencesOf(req.requireActor(), req.params.id),
    );

    app.patch(
      '/contacts/:id/notification-preferences',
      {
        schema: {
          tags: ['contacts'],
          summary: 'Change what the contact is told about by email',
          description: `For the account’s manager or an admin (a backup manager 403). Kinds not named stay as they are; recorded in the audit log. ${KINDS}`,
          params: IdParamsSchema,
          body: NotificationPreferencesUpdateSchema,
          response: { 200: NotificationPreferencesSchema },
        },
      },
      async (req) => notifications.updatePreferencesOf(req.requireActor(), req.params.id, req.body),
    );

    app.get(
      '/portal/notification-preferences',
      {
        schema: {
          tags: ['portal'],
          summary: 'What the signed-in client is told about by email',
          description: `For client users (staff 403). ${KINDS}`,
          response: { 200: NotificationPreferencesSchema },
        },
      },
      async (req) => notifications.myPreferences(req.requireActor()),
    );

    app.patch(
      '/portal/notification-preferences',
      {
        schema: {
          tags: ['portal'],
          summary: 'Change what the signed-in client is told about by email',
          description: `For client users (staff 403). Kinds not named stay as they are. ${KINDS}`,
          body: NotificationPreferencesUpdateSchema,
          response: { 200: NotificationPreferencesSchema },
        },
      },
      async (req) => notifications.updateMyPreferences(req.requireActor(), req.body),
    );

    // The unsubscribe link needs no sign-in: its random token is the key. Mail programs POST
    // `List-Unsubscribe=One-Click` as a form (RFC 8058), so this plugin accepts the form type.
    {
      const open = app;
      open.addContentTypeParser('application/x-www-form-urlencoded', { parseAs: 'string' }, (_req, body, done) => done(null, body));
      const config = { public: true, twoFactorExempt: true };
      const unknown = 'An unknown or forged token answers 404 with the code `notification.unsubscribe_unknown`.';

      open.get(
        '/notifications/unsubscribe/:token',
        {
          config,
          schema: {
            tags: ['notifications'],
            summary: 'Whose notifications an unsubscribe link stops',
            description: `No sign-in. Changes nothing. ${unknown}`,
            params: UnsubscribeParamsSchema,
            response: { 200: UnsubscribedSchema },
          },
        },
        async (req) => notifications.unsubscribeTarget(req.params.token),
      );

      open.post(
        '/notifications/unsubscribe/:token',
        {
          config,
          schema: {
            tags: ['notifications'],
            summary: 'Unsubscribe from notifications with one click',
            description: `No sign-in, no confirmation: the contact of the link receives no more notification emails (every kind turned off; they may choose some again in the portal). The URL of each notification email’s List-Unsubscribe header, with List-Unsubscribe-Post (RFC 8058); any body is accepted (mail programs send \`List-Unsubscribe=One-Click\`). Repeating it changes nothing. ${unknown}`,
            params: UnsubscribeParamsSchema,
            response: { 200: UnsubscribedSchema },
          },
        },
        async (req) => notifications.unsubscribe(req.params.token),
      );
    }
  };
