import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { LoginSchema, MeSchema, SetupSchema, SetupStateSchema } from '../../../common/schemas/auth.js';
import { LoginChallengeSchema, RecoveryCodeLoginSchema, TotpLoginSchema } from '../../../common/schemas/two-factor.js';
import { ProfileUpdateSchema } from '../../../common/schemas/user.js';
import { conflict } from '../../lib/errors.js';
import { expectedVersion } from '../../lib/http.js';
import type { UserService } from '../users/index.js';
import { LOGIN_CHALLENGE_TTL_MS, type AuthService } from './auth.service.js';
import { LOGIN_CHALLENGE_COOKIE, SESSION_COOKIE, sessionCookieOptions } from './auth.plugin.js';
import { twoFactorRoutes } from './two-factor.routes.js';

export const authRoutes =
  (auth: AuthService, users: UserService, secureCookies: boolean): FastifyPluginAsyncZod =>
  async (app) => {
    const cookieOptions = sessionCookieOptions(secureCookies, Math.floor(auth.sessionTtlMs / 1000));

    // The pending sign-in travels in its own short-lived cookie, sent only to the sign-in routes.
    const challengeCookie = { ...sessionCookieOptions(secureCookies, LOGIN_CHALLENGE_TTL_MS / 1000), path: '/api/v1/auth/login' };

    app.post(
      '/auth/login',
      {
        config: { public: true, twoFactorExempt: true },
        schema: {
          tags: ['auth'],
          summary: 'Sign in with email and password',
          description:
            'Sets the session cookie and answers 200 with the user. When the user has two-factor sign-in on, answers 202 instead: no session yet, a short-lived sign-in cookie, and the second step is `POST /auth/login/totp` or `POST /auth/login/recovery-code`. Failed attempts are limited per client address and per account from that address (429 with Retry-After); many failures for one account from everywhere slow its sign-ins down.',
          body: LoginSchema,
          response: { 200: MeSchema, 202: LoginChallengeSchema },
        },
      },
      async (req, reply) => {
        const outcome = await auth.login(req.body.email, req.body.password, req.ip, req.cookies[SESSION_COOKIE]);
        if (outcome.kind === 'challenge') {
          reply.setCookie(LOGIN_CHALLENGE_COOKIE, outcome.challenge, challengeCookie);
          return reply.code(202).send({ secondFactorRequired: true, methods: ['totp', 'recovery_code'], expiresAt: outcome.expiresAt });
        }
        reply.setCookie(SESSION_COOKIE, outcome.secret, cookieOptions);
        return auth.me(outcome.user.id);
      },
    );

    for (const [path, method, body, summary] of [
      ['/auth/login/totp', 'totp', TotpLoginSchema, 'Second sign-in step: the 6-digit code from the authenticator app'],
      [
        '/auth/login/recovery-code',
        'recovery_code',
        RecoveryCodeLoginSchema,
        'Second sign-in step: a recovery code, which then stops working',
      ],
    ] as const) {
      app.post(
        path,
        {
          config: { public: true, twoFactorExempt: true },
          schema: {
            tags: ['auth'],
            summary,
            description:
              'Completes a sign-in that answered 202, within five minutes, from the same browser (the sign-in cookie). Sets the session cookie. A wrong code answers 401; five wrong codes end the pending sign-in, and wrong codes for one account are limited (429 with Retry-After).',
            body,
            response: { 200: MeSchema },
          },
        },
        async (req, reply) => {
          const { secret, user } = await auth.completeLogin(
            req.cookies[LOGIN_CHALLENGE_COOKIE],
            method,
            req.body.code,
            req.ip,
            req.cookies[SESSION_COOKIE],
          );
          reply.clearCookie(LOGIN_CHALLENGE_COOKIE, { path: challengeCookie.path });
          reply.setCookie(SESSION_COOKIE, secret, cookieOptions);
          return auth.me(user.id);
        },
      );
    }

    app.post(
      '/auth/logout',
      { config: { public: true, twoFactorExempt: true }, schema: { tags: ['auth'], summary: 'Sign out' } },
      async (req, reply) => {
        await auth.logout(req.cookies[SESSION_COOKIE]);
        reply.clearCookie(SESSION_COOKIE, { path: '/' });
        return reply.code(204).send();
      },
    );

    app.get(
      '/auth/me',
      { config: { twoFactorExempt: true }, schema: { tags: ['auth'], summary: 'The signed-in user', response: { 200: MeSchema } } },
      async (req) => auth.me(req.requireActor().id),
    );

    app.patch(
      '/auth/me',
      {
        config: { twoFactorExempt: true },
        schema: {
          tags: ['auth'],
          summary: 'Change your own language or name; send If-Match with the version you edited',
          body: ProfileUpdateSchema,
          response: { 200: MeSchema },
        },
      },
      async (req) => {
        const actor = req.requireActor();
        await users.updateProfile(actor, req.body, expectedVersion(req));
        return auth.me(actor.id);
      },
    );

    app.get(
      '/setup',
      {
        config: { public: true },
        schema: { tags: ['auth'], summary: 'Whether first-run setup is needed', response: { 200: SetupStateSchema } },
      },
      async () => ({
        needed: !(await users.any()),
      }),
    );

    app.post(
      '/setup',
      {
        config: { public: true },
        schema: {
          tags: ['auth'],
          summary: 'Create the first admin; works only while there is no user',
          body: SetupSchema,
          response: { 201: MeSchema },
        },
      },
      async (req, reply) => {
        const user = await users.createFirstAdmin(req.body);
        if (!user) throw conflict('auth.setup_done');
        reply.setCookie(SESSION_COOKIE, await auth.openSession(user.id), cookieOptions);
        return reply.code(201).send(await auth.me(user.id));
      },
    );

    await app.register(twoFactorRoutes(auth));
  };
