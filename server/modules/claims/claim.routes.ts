import { settingsRoutes } from '../settings/index.js';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { IdParamsSchema, pageOf } from '../../../common/schemas/common.js';
import {
  ClaimCreateSchema,
  ClaimListQuerySchema,
  ClaimSchema,
  ClaimSettingsSchema,
  ClaimStatusMoveSchema,
  ClaimUpdateSchema,
} from '../../../common/schemas/claim.js';
import { expectedVersion, withEtag } from '../../lib/http.js';
import { assertAdmin, assertSeesInternal } from '../access/index.js';
import type { ClaimService } from './claim.service.js';
import type { ClaimSettingsService } from './claim.settings.js';
import { listExportRoutes } from '../../lib/export/index.js';
import { CLAIM_COLUMNS } from './claim.export.js';

const WORKFLOW =
  'The workflow is received → in_progress → resolved → closed; a resolved claim the client disputes goes back to in_progress. ' +
  'PRODUCT.md’s statuses map onto it: open is received; investigating and action_planned are in_progress. ' +
  'An illegal move answers 400 naming the allowed ones; `resolved` needs a configured root cause and a note (both internal). ' +
  'Deadlines are calendar hours from registration by severity (settings); business hours are not counted.';

/** The staff's claims: internal records (root causes, notes, links); clients use /portal/claims. */
export const claimRoutes =
  (claims: ClaimService, settings: ClaimSettingsService): FastifyPluginAsyncZod =>
  async (app) => {
    const tags = ['claims'];
    const internal = { authorize: assertSeesInternal };
    await app.register(
      listExportRoutes({
        path: '/claims',
        fileName: 'claims',
        title: 'Claims',
        tags: tags,
        query: ClaimListQuerySchema,
        authorize: assertSeesInternal,
        columns: CLAIM_COLUMNS,
        list: (actor, q) => claims.list(actor, q),
      }),
    );
    app.get(
      '/claims',
      {
        config: internal,
        schema: {
          tags,
          summary:
            'Claims of the accounts you read, newest first: by account, project, status, severity, category, breach; `q` searches the text',
          description: WORKFLOW,
          querystring: ClaimListQuerySchema,
          response: { 200: pageOf(ClaimSchema) },
        },
      },
      async (req) => claims.list(req.requireActor(), req.query),
    );
    app.post(
      '/claims',
      {
        config: internal,
        schema: {
          tags,
          summary: 'Register a claim on an account you manage; its deadlines follow its severity',
          description: WORKFLOW,
          body: ClaimCreateSchema,
          response: { 201: ClaimSchema },
        },
      },
      async (req, reply) => reply.code(201).send(await claims.create(req.requireActor(), req.body)),
    );
    app.get(
      '/claims/:id',
      { schema: { tags, summary: 'One claim', params: IdParamsSchema, response: { 200: ClaimSchema } } },
      async (req, reply) => withEtag(reply, await claims.get(req.requireActor(), req.params.id)),
    );
    app.patch(
      '/claims/:id',
      {
        schema: {
          tags,
          summary:
            'Change a claim (send If-Match): project, category, severity, description, internal note, linked specialists and projects',
          params: IdParamsSchema,
          body: ClaimUpdateSchema,
          response: { 200: ClaimSchema },
        },
      },
      async (req, reply) => withEtag(reply, await claims.update(req.requireActor(), req.params.id, req.body, expectedVersion(req))),
    );
    app.post(
      '/claims/:id/status',
      {
        schema: {
          tags,
          summary: 'Move a claim along its workflow (If-Match optional)',
          description: WORKFLOW,
          params: IdParamsSchema,
          body: ClaimStatusMoveSchema,
          response: { 200: ClaimSchema },
        },
      },
      async (req, reply) => withEtag(reply, await claims.moveStatus(req.requireActor(), req.params.id, req.body, expectedVersion(req))),
    );
    await app.register(
      settingsRoutes(settings, {
        name: 'claims',
        tags,
        schema: ClaimSettingsSchema,
        read: {
          authorize: assertSeesInternal,
          summary:
            'Claims’ categories, root causes, deadlines by severity (calendar hours) and days before a resolved claim closes by itself',
        },
        write: { method: 'put', authorize: assertAdmin, summary: 'Change the claims’ settings (admins)', body: ClaimSettingsSchema },
      }),
    );
  };
