import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { AccountService } from '../accounts/index.js';
import type { AuthService, LinkAttempts } from '../auth/index.js';
import type { ContactService } from '../contacts/index.js';
import type { OutboxService } from '../email/index.js';
import { defineModule, type ModuleContext } from '../module.js';
import type { TimelineLog } from '../timeline/index.js';
import type { UserService } from '../users/index.js';
import { InvitationAcceptance } from './invitation.acceptance.js';
import { invitationRoutes } from './invitation.routes.js';
import { InvitationService } from './invitation.service.js';

export type { InvitationService } from './invitation.service.js';
export { INVITATION_TTL_MS } from './invitation.service.js';

interface PortalAccessDeps {
  contacts: ContactService;
  accounts: AccountService;
  users: UserService;
  auth: AuthService;
  links: LinkAttempts;
  outbox: OutboxService;
  timeline: TimelineLog;
}

/**
 * Who of a client's people may use the portal: invitations by email, their acceptance (a
 * password, a client user, a session) and the withdrawal of access with the contact's flag.
 */
export function createPortalAccessModule(ctx: ModuleContext, deps: PortalAccessDeps, opts: { publicUrl?: string; secureCookies: boolean }) {
  const invitations = new InvitationService(
    ctx.db,
    ctx.clock,
    deps.contacts,
    deps.accounts,
    deps.users,
    deps.outbox,
    deps.timeline,
    opts.publicUrl,
  );
  const acceptance = new InvitationAcceptance(ctx.db, ctx.clock, invitations.repo, deps.contacts, deps.users, deps.timeline, deps.links);
  const routes: FastifyPluginAsyncZod = invitationRoutes(invitations, acceptance, deps.auth, opts.secureCookies);
  return defineModule({
    invitations,
    invitationAcceptance: acceptance,
    routes,
    timelineEvents: [
      'portal_invited',
      'portal_invitation_emailed',
      'portal_invitation_email_failed',
      'portal_joined',
      'portal_access_revoked',
    ],
  });
}
