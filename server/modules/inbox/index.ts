import type { OutboxService } from '../email/index.js';
import { defineModule, type ModuleContext } from '../module.js';
import type { AgencyCalendar } from '../settings/index.js';
import { InboxDigest, type StaffDirectory } from './inbox.digest.js';
import { inboxJobs } from './inbox.jobs.js';
import { InboxPreferences } from './inbox.preferences.js';
import { InboxRepository } from './inbox.repository.js';
import { inboxRoutes } from './inbox.routes.js';
import { InboxService, type AgendaReader } from './inbox.service.js';

export type { InboxService, StaffNotice, AgendaReader } from './inbox.service.js';
export type { InboxPreferences } from './inbox.preferences.js';
export type { InboxDigest } from './inbox.digest.js';
export { STAFF_DIGEST_JOB } from './inbox.jobs.js';
export { AGENDA_CHECK_MS } from './inbox.service.js';
export { DEFAULT_DIGEST_HOUR } from './inbox.preferences.js';
export { assignmentNotices, clientMessageNotices } from './inbox.sources.js';

interface InboxDeps {
  calendar: AgencyCalendar;
  users: StaffDirectory;
  today: AgendaReader;
  outbox: OutboxService;
}

/**
 * Staff notifications: each person's bell (new urgent Today items, clients' messages,
 * assignments) and their morning digest email, with their choices per kind, hour and time zone.
 * The modules where things happen tell it through `inbox.notify(trx, notices)`, wired in the
 * composition root. (Notifications to clients are the `notifications` module.)
 */
export function createInboxModule(ctx: ModuleContext, deps: InboxDeps, opts: { publicUrl?: string }) {
  const repo = new InboxRepository(ctx.db);
  const inboxPreferences = new InboxPreferences(ctx.db, ctx.clock, repo, deps.calendar);
  const inbox = new InboxService(ctx.db, ctx.clock, repo, inboxPreferences, deps.today);
  const inboxDigest = new InboxDigest(
    ctx.db,
    ctx.clock,
    repo,
    inboxPreferences,
    deps.users,
    deps.today,
    deps.outbox,
    opts.publicUrl,
    ctx.log,
  );
  return defineModule({
    inbox,
    inboxPreferences,
    inboxDigest,
    routes: inboxRoutes(inbox, inboxPreferences),
    jobs: inboxJobs(inboxDigest),
  });
}
