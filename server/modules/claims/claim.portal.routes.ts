import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { IdParamsSchema, pageOf } from '../../../common/schemas/common.js';
import {
  ClientClaimSchema,
  PortalClaimCategoriesSchema,
  PortalClaimCreateSchema,
  PortalClaimListQuerySchema,
} from '../../../common/schemas/claim.js';
import { expectedVersion, withEtag } from '../../lib/http.js';
import type { ClientClaims } from './claim.portal.js';

/** The client's claims in the portal: their own company's, without anything internal; 403 for staff. */
export const claimPortalRoutes =
  (claims: ClientClaims): FastifyPluginAsyncZod =>
  async (app) => {
    const tags = ['portal'];
    app.get(
      '/portal/claims',
      {
        schema: {
          tags,
          summary: 'The problems your company reported and where each stands, newest first; 403 for staff',
          querystring: PortalClaimListQuerySchema,
          response: { 200: pageOf(ClientClaimSchema) },
        },
      },
      async (req) => claims.list(req.requireActor(), req.query),
    );
    app.get(
      '/portal/claims/categories',
      { schema: { tags, summary: 'What a problem can be about; 403 for staff', response: { 200: PortalClaimCategoriesSchema } } },
      async (req) => claims.categories(req.requireActor()),
    );
    app.post(
      '/portal/claims',
      {
        schema: {
          tags,
          summary: 'Report a problem: the account’s manager answers it within the deadline for its severity; 403 for staff',
          body: PortalClaimCreateSchema,
          response: { 201: ClientClaimSchema },
        },
      },
      async (req, reply) => reply.code(201).send(await claims.create(req.requireActor(), req.body)),
    );
    app.get(
      '/portal/claims/:id',
      {
        schema: {
          tags,
          summary: 'One of your company’s claims; 403 for staff',
          params: IdParamsSchema,
          response: { 200: ClientClaimSchema },
        },
      },
      async (req, reply) => withEtag(reply, await claims.get(req.requireActor(), req.params.id)),
    );
    app.post(
      '/portal/claims/:id/confirm',
      {
        schema: {
          tags,
          summary: 'Confirm a resolved claim is settled: it closes (400 unless resolved); 403 for staff',
          params: IdParamsSchema,
          response: { 200: ClientClaimSchema },
        },
      },
      async (req, reply) => withEtag(reply, await claims.confirm(req.requireActor(), req.params.id, expectedVersion(req))),
    );
  };
