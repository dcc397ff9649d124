import type { AccountService } from '../accounts/index.js';
import type { OutboxService } from '../email/index.js';
import { defineModule, type ModuleContext } from '../module.js';
import type { ProjectService } from '../projects/index.js';
import type { TimelineLog } from '../timeline/index.js';
import type { UserService } from '../users/index.js';
import { ManagerNotice } from './manager-notice.js';
import { messageRoutes } from './message.routes.js';
import { MessageService } from './message.service.js';

export type { MessageService, ReplyListener } from './message.service.js';

interface MessagesDeps {
  accounts: AccountService;
  projects: ProjectService;
  users: UserService;
  outbox: OutboxService;
  timeline: TimelineLog;
}

/** Requests: the thread where a client company writes to its manager and the agency answers. */
export function createMessagesModule(ctx: ModuleContext, deps: MessagesDeps, opts: { publicUrl?: string }) {
  const notice = new ManagerNotice(deps.users, deps.outbox, opts.publicUrl);
  const messages = new MessageService(ctx.db, ctx.clock, deps.accounts, deps.projects, deps.timeline, deps.outbox, notice);
  return defineModule({
    messages,
    routes: messageRoutes(messages),
    timelineEvents: ['request_received', 'request_answered', 'request_emailed', 'request_email_failed'],
  });
}
