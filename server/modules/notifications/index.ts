import type { ContactService } from '../contacts/index.js';
import type { OutboxService } from '../email/index.js';
import { defineModule, type ModuleContext } from '../module.js';
import type { AgencyCalendar } from '../settings/index.js';
import { NotificationDigest } from './notification.digest.js';
import { notificationJobs } from './notification.jobs.js';
import { notificationRoutes } from './notification.routes.js';
import { NotificationService } from './notification.service.js';

export type { NotificationService, ClientNotice } from './notification.service.js';
export type { NotificationDigest } from './notification.digest.js';
export { CLIENT_DIGEST_JOB } from './notification.jobs.js';
export { COALESCE_MS, DIGEST_HOUR } from './notification.digest.js';

interface NotificationDeps {
  contacts: ContactService;
  outbox: OutboxService;
  calendar: AgencyCalendar;
}

/**
 * Notifications to clients: "something awaits you in the portal", queued by the modules where
 * it happens (`notifications.notifyClients(notice, trx)`), sent as at most one digest a day per
 * contact in their language, with their choices and a one-click unsubscribe.
 */
export function createNotificationsModule(ctx: ModuleContext, deps: NotificationDeps, opts: { publicUrl?: string }) {
  const notifications = new NotificationService(ctx.db, ctx.clock, deps.contacts);
  const notificationDigest = new NotificationDigest(
    ctx.db,
    ctx.clock,
    notifications.repo,
    deps.calendar,
    deps.outbox,
    opts.publicUrl,
    ctx.log,
  );
  return defineModule({
    notifications,
    notificationDigest,
    routes: notificationRoutes(notifications),
    jobs: notificationJobs(notificationDigest),
    timelineEvents: ['client_notified', 'client_notification_failed'],
  });
}

/** What the modules where things happen need of the notifications: telling clients, and taking it back. */
export type ClientNotifier = Pick<import('./notification.service.js').NotificationService, 'notifyClients' | 'withdraw'>;
