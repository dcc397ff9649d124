import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { IdParamsSchema, pageOf } from '../../../common/schemas/common.js';
import { UserCreateSchema, UserListQuerySchema, UserSchema, UserUpdateSchema } from '../../../common/schemas/user.js';
import { z } from 'zod';
import { expectedVersion, withEtag } from '../../lib/http.js';
import { acceptImageUploads, IMAGE_UPLOAD_BODY_LIMIT, IMAGE_UPLOAD_TYPES, sendImage } from '../../lib/image-upload.js';
import type { UserPhotoService } from './user-photo.service.js';
import type { UserService } from './user.service.js';
import { assertAdmin, assertStaff } from '../access/index.js';

export const userRoutes =
  (users: UserService, photos: UserPhotoService): FastifyPluginAsyncZod =>
  async (app) => {
    acceptImageUploads(app);
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

    app.put(
      '/users/:id/photo',
      {
        bodyLimit: IMAGE_UPLOAD_BODY_LIMIT,
        schema: {
          tags: ['users'],
          summary:
            'Upload the user’s photo as the raw body (the user themself or an admin): PNG or JPEG up to 2 MB, recognised by content (415 otherwise, 413 when larger)',
          params: IdParamsSchema,
          consumes: IMAGE_UPLOAD_TYPES,
          body: z.any().describe('image upload'),
        },
      },
      async (req, reply) => {
        await photos.set(req.requireActor(), req.params.id, req.body as Buffer);
        return reply.code(204).send();
      },
    );

    app.delete(
      '/users/:id/photo',
      { schema: { tags: ['users'], summary: 'Remove the user’s photo (the user themself or an admin)', params: IdParamsSchema } },
      async (req, reply) => {
        await photos.remove(req.requireActor(), req.params.id);
        return reply.code(204).send();
      },
    );

    app.get(
      '/users/:id/photo',
      {
        schema: {
          tags: ['users'],
          summary:
            'The user’s photo (PNG or JPEG) for staff and for the user themself; 404 when they have none (and for other client users: they see their manager’s in the portal). Sent with its hash as ETag: `If-None-Match` with it answers 304',
          params: IdParamsSchema,
          response: { 200: z.string().describe('image/png or image/jpeg') },
        },
      },
      async (req, reply) => sendImage(reply, await photos.photo(req.requireActor(), req.params.id)),
    );
  };
