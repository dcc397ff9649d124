import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { FollowUpEmailListQuerySchema, FollowUpEmailSchema, FollowUpRunSchema } from '../../../common/schemas/billing.js';
import { IdParamsSchema, pageOf } from '../../../common/schemas/common.js';
import { EMAIL_STATUSES } from '../../../common/enums.js';
import type { FollowUpDesk } from './follow-up.desk.js';
import type { FollowUpReminder } from './follow-up.reminder.js';
import { assertAdmin, assertSeesReceivables } from '../access/index.js';

const tags = ['follow-ups'];

const InvoiceFollowUpSchema = z.object({
  levelDays: z.number().int(),
  runDate: z.string(),
  emailId: z.string().nullable(),
  emailStatus: z.enum(EMAIL_STATUSES).nullable(),
  lastError: z.string().nullable(),
});

const SentReminderSchema = z.object({ emailId: z.string(), to: z.string().describe('Where the reminder went') });

export const followUpRoutes =
  (desk: FollowUpDesk, reminder: FollowUpReminder): FastifyPluginAsyncZod =>
  async (app) => {
    app.post(
      '/follow-ups/run',
      {
        config: { authorize: assertAdmin },
        schema: { tags, summary: 'Run today’s follow-ups now (admins); idempotent per day', response: { 200: FollowUpRunSchema } },
      },
      async (req) => desk.runNow(req.requireActor()),
    );

    app.get(
      '/follow-ups',
      {
        config: { authorize: assertSeesReceivables },
        schema: {
          tags,
          summary: 'Follow-up emails: sent, waiting to be retried, or failed',
          querystring: FollowUpEmailListQuerySchema,
          response: { 200: pageOf(FollowUpEmailSchema) },
        },
      },
      async (req) => desk.emails(req.requireActor(), req.query),
    );

    app.post(
      '/follow-ups/:id/retry',
      {
        schema: {
          tags,
          summary: 'Send a waiting or failed follow-up email again now',
          params: IdParamsSchema,
          response: { 200: FollowUpEmailSchema },
        },
      },
      async (req) => desk.retry(req.requireActor(), req.params.id),
    );

    app.post(
      '/invoices/:id/remind',
      {
        schema: {
          tags,
          summary:
            'Send the follow-up reminder of an overdue invoice now, worded as the step of the ladder it has reached (once a day; 409 when not overdue)',
          params: IdParamsSchema,
          response: { 200: SentReminderSchema },
        },
      },
      async (req) => reminder.send(req.requireActor(), req.params.id),
    );

    app.get(
      '/invoices/:id/follow-ups',
      {
        schema: {
          tags,
          summary: 'The follow-up levels an invoice has had',
          params: IdParamsSchema,
          response: { 200: z.object({ items: z.array(InvoiceFollowUpSchema) }) },
        },
      },
      async (req) => ({ items: await desk.levelsOf(req.requireActor(), req.params.id) }),
    );
  };
