import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { LoginSchema, MeSchema, SetupSchema, SetupStateSchema } from '../../../common/schemas/auth.js';
import { ProfileUpdateSchema } from '../../../common/schemas/user.js';
import { conflict } from '../../lib/errors.js';
import { expectedVersion } from '../../lib/http.js';
import type { AuthService } from './auth.service.js';
import { SESSION_COOKIE, sessionCookieOptions } from './auth.plugin.js';
import type { UserService } from '../users/index.js';

export const authRoutes =
  (auth: AuthService, users: UserService, secureCookies: boolean): FastifyPluginAsyncZod =>
  async (app) => {
    const cookieOptions = sessionCookieOptions(secureCookies, Math.floor(auth.sessionTtlMs / 1000));

    app.post(
      '/auth/login',
      {
        config: { public: true },
        schema: { tags: ['auth'], summary: 'Sign in; sets the session cookie', body: LoginSchema, response: { 200: MeSchema } },
      },
      async (req, reply) => {
        const { secret, user } = await auth.login(req.body.email, req.body.password, req.ip, req.cookies[SESSION_COOKIE]);
        reply.setCookie(SESSION_COOKIE, secret, cookieOptions);
        return auth.me(user.id);
      },
    );

    app.post('/auth/logout', { config: { public: true }, schema: { tags: ['auth'], summary: 'Sign out' } }, async (req, reply) => {
      await auth.logout(req.cookies[SESSION_COOKIE]);
      reply.clearCookie(SESSION_COOKIE, { path: '/' });
      return reply.code(204).send();
    });

    app.get('/auth/me', { schema: { tags: ['auth'], summary: 'The signed-in user', response: { 200: MeSchema } } }, async (req) =>
      auth.me(req.requireActor().id),
    );

    app.patch(
      '/auth/me',
      {
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
  };
