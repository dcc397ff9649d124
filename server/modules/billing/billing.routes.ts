import { settingsRoutes } from '../settings/index.js';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import {
  BillingActionListQuerySchema,
  BillingActionSchema,
  BillingSettingsSchema,
  BillingSettingsUpdateSchema,
} from '../../../common/schemas/billing.js';
import { IdParamsSchema, pageOf } from '../../../common/schemas/common.js';
import { ExposureQuerySchema, ExposureSchema, StopWorkChangeSchema } from '../../../common/schemas/receivables.js';
import type { BillingActionService } from './billing-action.service.js';
import type { BillingService } from './billing.service.js';
import type { BillingSettingsService } from './billing.settings.js';
import { assertAdmin, assertCanChangeStopWork, assertHasFollowUps, assertSeesReceivables } from '../access/index.js';

export const billingRoutes =
  (billing: BillingService, actions: BillingActionService, settings: BillingSettingsService): FastifyPluginAsyncZod =>
  async (app) => {
    app.get(
      '/accounts/:id/exposure',
      {
        schema: {
          tags: ['accounts'],
          summary: 'What the account owes, its credit limit and the warnings to show before adding `addingMinor` of invoices or work',
          params: IdParamsSchema,
          querystring: ExposureQuerySchema,
          response: { 200: ExposureSchema },
        },
      },
      async (req) => billing.exposure(req.requireActor(), req.params.id, req.query.addingMinor),
    );

    app.post(
      '/accounts/:id/stop-work',
      {
        config: { authorize: assertCanChangeStopWork },
        schema: {
          tags: ['accounts'],
          summary: 'Stop work on an account (finance, admins): new tasks are refused',
          params: IdParamsSchema,
          body: StopWorkChangeSchema,
          response: { 200: ExposureSchema },
        },
      },
      async (req) => billing.setStopWork(req.requireActor(), req.params.id, req.body.reason),
    );

    app.post(
      '/accounts/:id/stop-work/lift',
      {
        config: { authorize: assertCanChangeStopWork },
        schema: {
          tags: ['accounts'],
          summary: 'Lift the stop-work flag (finance, admins); recorded in the audit log',
          params: IdParamsSchema,
          body: StopWorkChangeSchema,
          response: { 200: ExposureSchema },
        },
      },
      async (req) => billing.liftStopWork(req.requireActor(), req.params.id, req.body.reason),
    );

    app.get(
      '/billing-actions',
      {
        config: { authorize: assertHasFollowUps },
        schema: {
          tags: ['follow-ups'],
          summary: 'Follow-up calls and alerts: yours (managers) or all (finance, admins)',
          querystring: BillingActionListQuerySchema,
          response: { 200: pageOf(BillingActionSchema) },
        },
      },
      async (req) => actions.list(req.requireActor(), req.query),
    );

    app.post(
      '/billing-actions/:id/done',
      {
        schema: {
          tags: ['follow-ups'],
          summary: 'Mark a follow-up call or alert done',
          params: IdParamsSchema,
          response: { 200: BillingActionSchema },
        },
      },
      async (req) => actions.complete(req.requireActor(), req.params.id),
    );

    await app.register(
      settingsRoutes(settings, {
        name: 'billing',
        tags: ['settings'],
        schema: BillingSettingsSchema,
        read: { authorize: assertSeesReceivables, summary: 'Time zone, follow-up hour, invoice number format and follow-up levels' },
        write: { method: 'patch', authorize: assertAdmin, summary: 'Change billing settings (admins)', body: BillingSettingsUpdateSchema },
      }),
    );
  };
