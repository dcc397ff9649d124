import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import {
  AccountCreateSchema,
  AccountListQuerySchema,
  AccountOwnersSchema,
  AccountSchema,
  AccountUpdateSchema,
} from '../../../common/schemas/account.js';
import { IdParamsSchema, pageOf } from '../../../common/schemas/common.js';
import { expectedVersion, withEtag } from '../../lib/http.js';
import type { AccountService } from './account.service.js';
import { assertCanCreateAccount } from '../access/index.js';
import { listExportRoutes } from '../../lib/export/index.js';
import { ACCOUNT_COLUMNS } from './account.export.js';

export const accountRoutes =
  (accounts: AccountService): FastifyPluginAsyncZod =>
  async (app) => {
    await app.register(
      listExportRoutes({
        path: '/accounts',
        fileName: 'accounts',
        title: 'Accounts',
        tags: ['accounts'],
        query: AccountListQuerySchema,
        columns: ACCOUNT_COLUMNS,
        list: (actor, q) => accounts.list(actor, q),
      }),
    );
    app.get(
      '/accounts',
      {
        schema: {
          tags: ['accounts'],
          summary: 'Accounts you can see',
          querystring: AccountListQuerySchema,
          response: { 200: pageOf(AccountSchema) },
        },
      },
      async (req) => accounts.list(req.requireActor(), req.query),
    );

    app.post(
      '/accounts',
      {
        config: { authorize: assertCanCreateAccount },
        schema: { tags: ['accounts'], summary: 'Add a client company', body: AccountCreateSchema, response: { 201: AccountSchema } },
      },
      async (req, reply) => reply.code(201).send(await accounts.create(req.requireActor(), req.body)),
    );

    app.get(
      '/accounts/owners',
      {
        schema: {
          tags: ['accounts'],
          summary: 'People who own accounts you can see (staff who read accounts), by name',
          response: { 200: AccountOwnersSchema },
        },
      },
      async (req) => ({ items: await accounts.visibleOwners(req.requireActor()) }),
    );

    app.get(
      '/accounts/:id',
      { schema: { tags: ['accounts'], summary: 'One account', params: IdParamsSchema, response: { 200: AccountSchema } } },
      async (req, reply) => withEtag(reply, await accounts.get(req.requireActor(), req.params.id)),
    );

    app.patch(
      '/accounts/:id',
      {
        schema: {
          tags: ['accounts'],
          summary: 'Change an account; send If-Match with the version you edited',
          params: IdParamsSchema,
          body: AccountUpdateSchema,
          response: { 200: AccountSchema },
        },
      },
      async (req, reply) => withEtag(reply, await accounts.update(req.requireActor(), req.params.id, req.body, expectedVersion(req))),
    );

    app.delete(
      '/accounts/:id',
      { schema: { tags: ['accounts'], summary: 'Delete an account and its contacts and history', params: IdParamsSchema } },
      async (req, reply) => {
        await accounts.remove(req.requireActor(), req.params.id);
        return reply.code(204).send();
      },
    );
  };
