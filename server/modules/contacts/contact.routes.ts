import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { IdParamsSchema, pageOf } from '../../../common/schemas/common.js';
import { ContactCreateSchema, ContactListQuerySchema, ContactSchema, ContactUpdateSchema } from '../../../common/schemas/contact.js';
import { expectedVersion, withEtag } from '../../lib/http.js';
import type { ContactService } from './contact.service.js';
import { listExportRoutes } from '../../lib/export/index.js';
import { CONTACT_COLUMNS } from './contact.export.js';

export const contactRoutes =
  (contacts: ContactService): FastifyPluginAsyncZod =>
  async (app) => {
    await app.register(
      listExportRoutes({
        path: '/contacts',
        fileName: 'contacts',
        title: 'Contacts',
        tags: ['contacts'],
        query: ContactListQuerySchema,
        columns: CONTACT_COLUMNS,
        list: (actor, q) => contacts.list(actor, q),
      }),
    );
    app.get(
      '/contacts',
      {
        schema: {
          tags: ['contacts'],
          summary: 'Contacts of accounts you can see',
          querystring: ContactListQuerySchema,
          response: { 200: pageOf(ContactSchema) },
        },
      },
      async (req) => contacts.list(req.requireActor(), req.query),
    );

    app.post(
      '/contacts',
      {
        schema: { tags: ['contacts'], summary: 'Add a contact to an account', body: ContactCreateSchema, response: { 201: ContactSchema } },
      },
      async (req, reply) => reply.code(201).send(await contacts.create(req.requireActor(), req.body)),
    );

    app.get(
      '/contacts/:id',
      { schema: { tags: ['contacts'], summary: 'One contact', params: IdParamsSchema, response: { 200: ContactSchema } } },
      async (req, reply) => withEtag(reply, await contacts.get(req.requireActor(), req.params.id)),
    );

    app.patch(
      '/contacts/:id',
      {
        schema: {
          tags: ['contacts'],
          summary: 'Change a contact',
          params: IdParamsSchema,
          body: ContactUpdateSchema,
          response: { 200: ContactSchema },
        },
      },
      async (req, reply) => withEtag(reply, await contacts.update(req.requireActor(), req.params.id, req.body, expectedVersion(req))),
    );

    app.delete(
      '/contacts/:id',
      { schema: { tags: ['contacts'], summary: 'Delete a contact', params: IdParamsSchema } },
      async (req, reply) => {
        await contacts.remove(req.requireActor(), req.params.id);
        return reply.code(204).send();
      },
    );
  };
