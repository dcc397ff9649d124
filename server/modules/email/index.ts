import { defineModule, type ModuleContext } from '../module.js';
import type { TimelineLog } from '../timeline/index.js';
import { emailJobs } from './email.jobs.js';
import type { Mailer } from './mailer.js';
import { OutboxService } from './outbox.service.js';

export type { Mailer, EmailAttachment } from './mailer.js';
export { createMailer, defaultFrom, discardingMailer } from './mailer.js';
export type { OutboxService, NewEmail, SingleEmail, AttachmentSource } from './outbox.service.js';
export type { OutboxListRow } from './outbox.repository.js';
export { EMAIL_DELIVERY_JOB } from './email.jobs.js';
export { BUTTON, PARAGRAPH, emailWithLink, escapeHtml, humanDate, linkEmail, textToHtml, type LinkEmailWords } from './email.text.js';

/** Outgoing email: stored in the transaction that decides it, sent after it commits, retried, recorded on the timeline. */
export function createEmailModule(ctx: ModuleContext, deps: { timeline: TimelineLog }, opts: { mailer: Mailer }) {
  const outbox = new OutboxService(ctx.db, ctx.clock, opts.mailer, deps.timeline, ctx.log);
  return defineModule({ outbox, jobs: emailJobs(outbox), metrics: { queues: [{ queue: 'email', read: () => outbox.queueStats() }] } });
}
