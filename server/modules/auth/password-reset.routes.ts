import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  PasswordResetConfirmSchema,
  PasswordResetPreviewSchema,
  PasswordResetRequestSchema,
  PasswordResetRequestedSchema,
  PasswordResetTokenSchema,
} from '../../../common/schemas/access-links.js';
import type { AuthService } from './auth.service.js';
import { SESSION_COOKIE, sessionCookieOptions } from './auth.plugin.js';
import type { PasswordResetService } from './password-reset.service.js';

const PasswordResetDoneSchema = z.object({
  signedIn: z.boolean().describe('true when the request came with a session of the same user: it goes on, under a new session id'),
});

/** "Forgot your password?": ask for a link by email, see whose password it sets, set a new one. */
export const passwordResetRoutes =
  (resets: PasswordResetService, auth: AuthService, secureCookies: boolean): FastifyPluginAsyncZod =>
  async (app) => {
    // Requests answered but not yet worked out (their email) finish before the app stops.
    app.addHook('onClose', () => resets.whenIdle());
    const cookieOptions = sessionCookieOptions(secureCookies, Math.floor(auth.sessionTtlMs / 1000));
    const config = { public: true, twoFactorExempt: true };

    app.post(
      '/auth/password-reset',
      {
        config,
        schema: {
          tags: ['auth'],
          summary: 'Ask for a password reset link by email',
          description:
            'Always answers 202 with the same body, as fast for an address that belongs to no one: whether to send the link is decided after the answer. An active user gets an email, in their language, with a link that works once, for an hour. Requests are limited per client address and per email (429 with Retry-After).',
          body: PasswordResetRequestSchema,
          response: { 202: PasswordResetRequestedSchema },
        },
      },
      async (req, reply) => {
        await resets.request(req.body.email, req.ip);
        return reply.code(202).send({ accepted: true });
      },
    );

    app.post(
      '/auth/password-reset/preview',
      {
        config,
        schema: {
          tags: ['auth'],
          summary: 'Whose password a reset link sets',
          description:
            'For the page that asks for the new password. A link that does not work answers 400 (not a link) or 410 (used, expired) with a code saying what to do.',
          body: PasswordResetTokenSchema,
          response: { 200: PasswordResetPreviewSchema },
        },
      },
      async (req) => resets.preview(req.body.token, req.ip),
    );

    app.post(
      '/auth/password-reset/confirm',
      {
        config,
        schema: {
          tags: ['auth'],
          summary: 'Set a new password with a reset link',
          description:
            'The password follows the same rules as everywhere (400 on `password` with the reason). The link then stops working, as do the user’s other reset links, and every session of the user ends; one sent with this request goes on under a new id. Links that do not work are limited per client address, and new passwords per user (429 with Retry-After).',
          body: PasswordResetConfirmSchema,
          response: { 200: PasswordResetDoneSchema },
        },
      },
      async (req, reply) => {
        const userId = await resets.confirm(req.body.token, req.body.password, req.ip);
        const signedIn = req.actor?.id === userId && Boolean(req.cookies[SESSION_COOKIE]);
        if (signedIn) reply.setCookie(SESSION_COOKIE, await auth.openSession(userId), cookieOptions);
        return { signedIn };
      },
    );
  };
