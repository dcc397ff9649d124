import type { LookupFunction } from 'node:net';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { WebhookSettingsSchema, WebhookSettingsUpdateSchema } from '../../../common/schemas/webhook.js';
import { assertAdmin } from '../access/index.js';
import type { InboxService } from '../inbox/index.js';
import { defineModule, type ModuleContext } from '../module.js';
import { settingsRoutes, type AgencyCalendar, type SettingsService } from '../settings/index.js';
import type { UserService } from '../users/index.js';
import { WebhookDispatcher, type DisabledAlert } from './webhook.dispatcher.js';
import { WebhookEvents } from './webhook.events.js';
import { DeliveryLoop } from './webhook.loop.js';
import { webhookJobs } from './webhook.jobs.js';
import { OverdueInvoices } from './webhook.overdue.js';
import { WebhookOutbox } from './webhook.outbox.js';
import { WebhookRepository } from './webhook.repository.js';
import { webhookRoutes } from './webhook.routes.js';
import { WebhookService } from './webhook.service.js';
import { WebhookSettingsService } from './webhook.settings.js';

export type { WebhookEvents } from './webhook.events.js';
export type { WebhookService } from './webhook.service.js';
export type { WebhookDispatcher } from './webhook.dispatcher.js';
export type { DeliveryLoop } from './webhook.loop.js';
export { accountUpdated, interactionLogged } from './webhook.events.js';
export { WEBHOOK_DELIVERY_JOB, WEBHOOK_OVERDUE_JOB, WEBHOOK_PRUNE_JOB } from './webhook.jobs.js';

interface WebhookDeps {
  settings: SettingsService;
  calendar: AgencyCalendar;
  users: UserService;
  inbox: InboxService;
}

/**
 * Signed webhooks: admins subscribe URLs to event types; changes write events to an outbox in
 * their own transaction (through `webhookEvents`, wired in the composition root), and they are
 * sent per Standard Webhooks with retries, to addresses checked at connect time: at once by the
 * delivery loop the write wakes (once the server starts it), and by a periodic job as a safety net.
 */
export function createWebhooksModule(ctx: ModuleContext, deps: WebhookDeps, opts: { lookup?: LookupFunction } = {}) {
  const repo = new WebhookRepository();
  const webhookSettings = new WebhookSettingsService(ctx.db, deps.settings, ctx.clock);
  // Every active admin is told in the bell when retries run out and a webhook is turned off.
  const alert: DisabledAlert = async (t, subscription) => {
    const admins = await deps.users.activeAdmins(t);
    await deps.inbox.notify(
      t,
      admins.map((a) => ({
        userId: a.id,
        kind: 'integration',
        key: `webhook-disabled:${subscription.id}:${subscription.disabled_at}`,
        account: null,
        path: '/settings/webhooks',
        message: ['inbox.webhook_disabled', { url: subscription.url }],
      })),
    );
  };
  const webhookDispatcher = new WebhookDispatcher(ctx.db, ctx.clock, repo, webhookSettings, alert, opts.lookup);
  const webhooks = new WebhookService(ctx.db, ctx.clock, repo, webhookSettings, webhookDispatcher);
  const webhookDeliveryLoop = new DeliveryLoop(webhookDispatcher, ctx.clock, ctx.log);
  const webhookEvents = new WebhookEvents(repo, new WebhookOutbox(), () => webhookDeliveryLoop.wake());
  const overdue = new OverdueInvoices(ctx.db, ctx.clock, deps.settings, deps.calendar, webhookEvents);
  const routes: FastifyPluginAsyncZod = async (app) => {
    app.addHook('onClose', () => webhookDeliveryLoop.stop());
    await app.register(webhookRoutes(webhooks));
    await app.register(
      settingsRoutes(webhookSettings, {
        name: 'webhooks',
        tags: ['webhooks'],
        schema: WebhookSettingsSchema,
        read: { authorize: assertAdmin, summary: 'Webhook settings: private hosts allowed (admins)' },
        write: {
          method: 'patch',
          authorize: assertAdmin,
          summary: 'Allow named private hosts to receive webhooks, for on-premise receivers (admins)',
          description: 'Names or IP addresses; a webhook to one of them may reach a private address, checked at connect time all the same.',
          body: WebhookSettingsUpdateSchema,
        },
      }),
    );
  };
  return defineModule({
    webhooks,
    webhookSettings,
    webhookDispatcher,
    webhookDeliveryLoop,
    webhookEvents,
    routes,
    jobs: webhookJobs(webhookDispatcher, overdue),
    metrics: { queues: [{ queue: 'webhooks', read: () => webhookDispatcher.queueStats() }] },
  });
}
