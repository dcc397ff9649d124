import type { FastifyInstance, FastifyRequest } from 'fastify';
import fp from 'fastify-plugin';
import cookie from '@fastify/cookie';
import { AppError, unauthorized } from '../../lib/errors.js';
import type { Actor } from '../access/index.js';
import type { AuthService } from './auth.service.js';

export const SESSION_COOKIE = 'liaison_session';
/** A correct password waiting for its second factor. */
export const LOGIN_CHALLENGE_COOKIE = 'liaison_sign_in';

declare module 'fastify' {
  interface FastifyContextConfig {
    /** Reachable while the user must still set up required two-factor sign-in (sign-in, me, enrolment). */
    twoFactorExempt?: boolean;
  }
  interface FastifyRequest {
    actor: Actor | null;
    /** The signed-in actor; throws 401 when there is none. */
    requireActor(): Actor;
  }
  interface FastifyContextConfig {
    /** Answers without signing in (sign-in itself, first-run setup, links sent by email). */
    public?: boolean;
    /** A role check from the access policy, run before the request is validated (403 before 400). */
    authorize?: (actor: Actor) => void;
  }
}

/**
 * Resolves the session cookie or bearer token of every request into `req.actor`, and holds
 * back users who must set up two-factor sign-in first (403 `auth.two_factor_required`).
 */
export const authPlugin = fp(async (app: FastifyInstance, opts: { auth: AuthService; secureCookies: boolean }) => {
  await app.register(cookie);
  app.decorateRequest('actor', null);
  app.decorateRequest('requireActor', function (this: FastifyRequest) {
    if (!this.actor) throw unauthorized();
    return this.actor;
  });

  app.addHook('onRequest', async (req) => {
    if (!req.url.startsWith('/api/v1/')) return;
    const now = opts.auth.now();
    const header = req.headers.authorization;
    let user = null;
    if (header?.startsWith('Bearer ')) {
      user = await opts.auth.sessions.resolveToken(header.slice(7).trim(), now);
      if (!user) throw unauthorized('auth.invalid_token');
    } else {
      const secret = req.cookies[SESSION_COOKIE];
      if (secret) user = await opts.auth.sessions.resolveSession(secret, now, opts.auth.sessionTtlMs);
    }
    if (!user) return;
    const language = user.language === 'ru' ? 'ru' : 'en';
    req.actor = { id: user.id, role: user.role, accountId: user.account_id, language };
    req.language = language;
    // While the agency requires two-factor for this role and it is not set up, only enrolment is open.
    if (!req.routeOptions.config?.twoFactorExempt && (await opts.auth.twoFactor.mustEnrol(user.id, req.actor.role))) {
      throw new AppError(403, 'auth.two_factor_required');
    }
  });

  // Who may call comes before what they send: a stranger gets 401 and a role that may not
  // use the endpoint 403, before validation would tell either of them the body's schema.
  app.addHook('preValidation', async (req) => {
    if (!req.url.startsWith('/api/v1/')) return;
    const config = req.routeOptions.config;
    if (config.public) return;
    config.authorize?.(req.requireActor());
  });
});

export function sessionCookieOptions(secure: boolean, maxAgeSeconds: number) {
  return { path: '/', httpOnly: true, sameSite: 'lax' as const, secure, maxAge: maxAgeSeconds };
}
