import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { IdParamsSchema, pageOf } from '../../../common/schemas/common.js';
import { UserCreateSchema, UserListQuerySchema, UserSchema, UserUpdateSchema } from '../../../common/schemas/user.js';
import { expectedVersion, withEtag } from '../../lib/http.js';
import type { UserService } from './user.service.js';
import { assertAdmin, assertStaff } from '../access/index.js';

export const userRoutes =
  (users: UserService): FastifyPluginAsyncZod =>
  async (app) => {
    app.get(
      '/users',
      {
        config: { authorize: assertStaff },
        schema: {
          tags: ['users'],
          summary: 'List users (staff), by name; search with `q`, filter by `role` and `active`, or name users by `ids`',
          querystring: UserListQuerySchema,
          response: { 200: pageOf(UserSchema) },
        },
      },
      async (req) => {
        const { active, ...rest } = req.query;
        return users.list(req.requireActor(), { ...rest, active: active === undefined ? undefined : active === 'true' });
      },
    );

    app.post(
      '/users',
      {
        config: { authorize: assertAdmin },
        schema: { tags: ['users'], summary: 'Create a user (admins)', body: UserCreateSchema, response: { 201: UserSchema } },
      },
      async (req, reply) => reply.code(201).send(await users.create(req.requireActor(), req.body)),
    );

    app.get(
      '/users/:id',
      { schema: { tags: ['users'], summary: 'One user', params: IdParamsSchema, response: { 200: UserSchema } } },
      async (req, reply) => withEtag(reply, await users.get(req.requireActor(), req.params.id)),
    );

    app.patch(
      '/users/:id',
      {
        config: { authorize: assertAdmin },
        schema: {
          tags: ['users'],
          summary: 'Change a user (admins); `active: false` deactivates and ends their sessions',
          params: IdParamsSchema,
          body: UserUpdateSchema,
          response: { 200: UserSchema },
        },
      },
      async (req, reply) => withEtag(reply, await users.update(req.requireActor(), req.params.id, req.body, expectedVersion(req))),
    );
  };
