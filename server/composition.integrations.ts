import type { JobService } from './jobs/job.service.js';
import { createBackupsModule, type BackupSchedule } from './modules/backups/index.js';
import { createCalendarFeedsModule } from './modules/calendar-feeds/index.js';
import { createDropboxModule } from './modules/dropbox/index.js';
import { createImportsModule } from './modules/imports/index.js';
import type { ComposedModules } from './composition.modules.js';
import type { ModuleContext } from './modules/module.js';
import { createSearchModule } from './modules/search/index.js';
import { accountUpdated, createWebhooksModule, interactionLogged } from './modules/webhooks/index.js';

/** The modules the integrations plug into. */
type Core = Pick<ComposedModules, 'settings' | 'users' | 'accounts' | 'contacts' | 'interactions' | 'timeline' | 'billing' | 'inbox'>;

/** The composition's options the integrations read. */
interface IntegrationOptions {
  defaultCurrency: string;
  publicUrl?: string;
  inboundEmailDomain?: string;
  backupSchedule?: BackupSchedule;
}

/**
 * What connects the agency's other tools: the mail dropbox, webhooks, imports, global search,
 * calendar feeds and backups, built on the core modules and wired to their hooks.
 */
export function composeIntegrations(ctx: ModuleContext, jobs: JobService, m: Core, opts: IntegrationOptions) {
  // Mail copied to a manager's or an account's address is logged as an email interaction.
  const dropbox = createDropboxModule(
    ctx,
    { accounts: m.accounts.accounts, contacts: m.contacts.contacts, users: m.users.users, interactions: m.interactions.interactions },
    { domain: opts.inboundEmailDomain, publicUrl: opts.publicUrl },
  );

  // Webhooks: changes write their events to the outbox in their own transaction; a job sends them.
  const webhooks = createWebhooksModule(ctx, {
    settings: m.settings.settings,
    calendar: m.settings.calendar,
    users: m.users.users,
    inbox: m.inbox.inbox,
  });
  m.timeline.timeline.subscribe((t, events) => webhooks.webhookEvents.fromTimeline(t, events));
  m.accounts.accounts.onUpdated((t, account, actorId, at) => webhooks.webhookEvents.record(t, [accountUpdated(account, actorId, at)]));
  m.interactions.interactions.onLogged((t, interaction, actorId, at) =>
    webhooks.webhookEvents.record(t, [interactionLogged(interaction, actorId, at)]),
  );

  const imports = createImportsModule(
    ctx,
    { jobs, timeline: m.timeline.timeline, openingBalances: m.billing.openingBalances },
    { defaultCurrency: opts.defaultCurrency },
  );

  // Global search over the records the modules contribute (their `search` sources, below).
  const search = createSearchModule(ctx);
  // Calendar feeds of the dates the modules contribute (their `calendar` sources, below).
  const calendarFeeds = createCalendarFeedsModule(
    ctx,
    { calendar: m.settings.calendar, users: m.users.users, accounts: m.accounts.accounts },
    { publicUrl: opts.publicUrl },
  );

  const backups = createBackupsModule(ctx, { calendar: m.settings.calendar }, { schedule: opts.backupSchedule });
  return { dropbox, webhooks, imports, search, calendarFeeds, backups };
}
