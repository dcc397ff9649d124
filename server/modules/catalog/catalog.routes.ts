import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { IdParamsSchema, pageOf } from '../../../common/schemas/common.js';
import {
  CatalogDefaultsSchema,
  ServiceCreateSchema,
  ServiceListQuerySchema,
  ServiceSchema,
  ServiceUpdateSchema,
} from '../../../common/schemas/service.js';
import { expectedVersion, withEtag } from '../../lib/http.js';
import type { CatalogService } from './catalog.service.js';

const tags = ['catalog'];

export const catalogRoutes =
  (catalog: CatalogService): FastifyPluginAsyncZod =>
  async (app) => {
    app.get(
      '/services',
      {
        schema: {
          tags,
          summary: 'The service catalog by name, filtered (staff)',
          querystring: ServiceListQuerySchema,
          response: { 200: pageOf(ServiceSchema) },
        },
      },
      async (req) => catalog.list(req.requireActor(), req.query),
    );

    app.get(
      '/services/defaults',
      {
        schema: {
          tags,
          summary: 'What the catalog’s editor needs: the agency’s language and currency, and the specialist roles (staff)',
          response: { 200: CatalogDefaultsSchema },
        },
      },
      async (req) => catalog.defaults(req.requireActor()),
    );

    app.post(
      '/services',
      {
        schema: {
          tags,
          summary: 'Add a service to the catalog (admins); its name is required in the agency’s language',
          body: ServiceCreateSchema,
          response: { 201: ServiceSchema },
        },
      },
      async (req, reply) => reply.code(201).send(await catalog.create(req.requireActor(), req.body)),
    );

    app.get(
      '/services/:id',
      {
        schema: {
          tags,
          summary: 'One service with its prices and delivery template',
          params: IdParamsSchema,
          response: { 200: ServiceSchema },
        },
      },
      async (req, reply) => withEtag(reply, await catalog.get(req.requireActor(), req.params.id)),
    );

    app.patch(
      '/services/:id',
      {
        schema: {
          tags,
          summary: 'Change a service (admins); prices and the template, when sent, replace the old ones. Send If-Match',
          params: IdParamsSchema,
          body: ServiceUpdateSchema,
          response: { 200: ServiceSchema },
        },
      },
      async (req, reply) => withEtag(reply, await catalog.update(req.requireActor(), req.params.id, req.body, expectedVersion(req))),
    );

    for (const [action, active] of [
      ['deactivate', false],
      ['reactivate', true],
    ] as const) {
      app.post(
        `/services/:id/${action}`,
        {
          schema: {
            tags,
            summary: active
              ? 'Put a deactivated service back in the catalog (admins)'
              : 'Take a service out of the catalog (admins); what already uses it keeps it',
            params: IdParamsSchema,
            response: { 200: ServiceSchema },
          },
        },
        async (req, reply) => withEtag(reply, await catalog.setActive(req.requireActor(), req.params.id, active, expectedVersion(req))),
      );
    }
  };
