import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import {
  ContactInvitationSchema,
  InvitationAcceptSchema,
  InvitationPreviewSchema,
  InvitationTokenSchema,
  PortalInvitationSchema,
} from '../../../common/schemas/access-links.js';
import { MeSchema } from '../../../common/schemas/auth.js';
import { IdParamsSchema } from '../../../common/schemas/common.js';
import { assertMayInvite } from '../access/index.js';
import { SESSION_COOKIE, sessionCookieOptions, type AuthService } from '../auth/index.js';
import type { InvitationAcceptance } from './invitation.acceptance.js';
import type { InvitationService } from './invitation.service.js';

export const invitationRoutes =
  (invitations: InvitationService, acceptance: InvitationAcceptance, auth: AuthService, secureCookies: boolean): FastifyPluginAsyncZod =>
  async (app) => {
    const cookieOptions = sessionCookieOptions(secureCookies, Math.floor(auth.sessionTtlMs / 1000));

    app.post(
      '/contacts/:id/invite',
      {
        config: { authorize: assertMayInvite },
        schema: {
          tags: ['contacts'],
          summary: 'Invite the contact to the client portal by email',
          description:
            'For the account’s manager or an admin (others 403). Emails the contact, in their language (else the account’s), a link built from PUBLIC_URL that works once, for 7 days, to choose a password; accepting it creates or re-activates their client user and gives them portal access. A new invitation makes the earlier links stop working. A contact without an email address answers 422.',
          params: IdParamsSchema,
          response: { 201: PortalInvitationSchema },
        },
      },
      async (req, reply) => reply.code(201).send(await invitations.invite(req.requireActor(), req.params.id)),
    );

    app.get(
      '/contacts/:id/invitation',
      {
        schema: {
          tags: ['contacts'],
          summary: 'The contact’s latest invitation to the portal',
          description: 'For staff who read the contact’s account; null when the contact was never invited.',
          params: IdParamsSchema,
          response: { 200: ContactInvitationSchema },
        },
      },
      async (req) => invitations.latest(req.requireActor(), req.params.id),
    );

    const config = { public: true, twoFactorExempt: true };
    const linkProblems =
      'A link that does not work answers 400 (not a link) or 410 (used, expired, replaced by a newer invitation, withdrawn) with a code saying what to do; such links are limited per client address (429 with Retry-After).';

    app.post(
      '/auth/invitations/preview',
      {
        config,
        schema: {
          tags: ['auth'],
          summary: 'Who an invitation link is for',
          description: `For the page where the invited contact chooses a password. ${linkProblems}`,
          body: InvitationTokenSchema,
          response: { 200: InvitationPreviewSchema },
        },
      },
      async (req) => acceptance.preview(req.body.token, req.ip),
    );

    app.post(
      '/auth/invitations/accept',
      {
        config,
        schema: {
          tags: ['auth'],
          summary: 'Accept an invitation: choose a password and sign in to the portal',
          description: `The password follows the same rules as staff passwords (400 on \`password\` with the reason; the link still works). Creates or re-activates the contact’s client user, gives the contact portal access, and signs them in (the session cookie). ${linkProblems}`,
          body: InvitationAcceptSchema,
          response: { 200: MeSchema },
        },
      },
      async (req, reply) => {
        const userId = await acceptance.accept(req.body.token, req.body.password, req.ip);
        await auth.logout(req.cookies[SESSION_COOKIE]);
        reply.setCookie(SESSION_COOKIE, await auth.openSession(userId), cookieOptions);
        return auth.me(userId);
      },
    );
  };
