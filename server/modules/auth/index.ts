import type { FastifyInstance } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { AccountService } from '../accounts/index.js';
import type { OutboxService } from '../email/index.js';
import type { SettingsService } from '../settings/index.js';
import { defineModule, type ModuleContext } from '../module.js';
import type { UserService } from '../users/index.js';
import { authJobs } from './auth.jobs.js';
import { authPlugin } from './auth.plugin.js';
import { authRoutes } from './auth.routes.js';
import { AuthService } from './auth.service.js';
import { LinkAttempts } from './link-attempts.js';
import { passwordResetRoutes } from './password-reset.routes.js';
import { PasswordResetService } from './password-reset.service.js';
import { tokenRoutes } from './token.routes.js';
import { TokenService } from './token.service.js';

export type { AuthService, SignInFailureStep } from './auth.service.js';
export type { LinkAttempts } from './link-attempts.js';
export type { PasswordResetService } from './password-reset.service.js';
export { LINK_LIMITS } from './link-attempts.js';
export { LOGIN_LIMITS } from './auth.service.js';
export { SESSION_COOKIE, sessionCookieOptions } from './auth.plugin.js';

export interface AuthOptions {
  sessionTtlMs: number;
  /** Cookies only over https (PUBLIC_URL is https). */
  secureCookies: boolean;
  /** Where users reach the app; emailed links are built from it. */
  publicUrl?: string;
}

/**
 * Sign-in, sessions, password resets by email and personal API tokens. `registerAuthentication` resolves every
 * request's session or token into `req.actor`; the app calls it before any module's routes.
 */
export function createAuthModule(
  ctx: ModuleContext,
  deps: { users: UserService; accounts: AccountService; settings: SettingsService; outbox: OutboxService },
  opts: AuthOptions,
) {
  const auth = new AuthService(ctx.db, ctx.clock, deps.users, deps.accounts, deps.settings, opts.sessionTtlMs);
  const tokens = new TokenService(ctx.db, ctx.clock);
  const links = new LinkAttempts(auth.attempts);
  const resets = new PasswordResetService(ctx.db, ctx.clock, deps.users, deps.outbox, links, opts.publicUrl, ctx.log);
  const routes: FastifyPluginAsyncZod = async (app) => {
    await app.register(authRoutes(auth, deps.users, opts.secureCookies));
    await app.register(passwordResetRoutes(resets, auth, opts.secureCookies));
    await app.register(tokenRoutes(tokens));
  };
  return defineModule({
    auth,
    tokens,
    resets,
    /** Rate limits of emailed links, shared with the portal's invitations. */
    links,
    /** Registers the request authentication (cookie parsing, `req.actor`) on the whole app. */
    registerAuthentication: (app: FastifyInstance) => app.register(authPlugin, { auth, secureCookies: opts.secureCookies }),
    routes,
    jobs: authJobs(auth, resets),
  });
}
