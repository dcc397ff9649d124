import { settingsRoutes } from '../settings/index.js';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { IdParamsSchema, pageOf } from '../../../common/schemas/common.js';
import {
  CategoryParamsSchema,
  ObjectionCategoryStatsSchema,
  ObjectionCreateSchema,
  ObjectionListQuerySchema,
  ObjectionSchema,
  ObjectionSettingsSchema,
  ObjectionUpdateSchema,
  PlaybookPinSchema,
  PlaybookQuerySchema,
  PlaybookSchema,
} from '../../../common/schemas/objection.js';
import { expectedVersion, withEtag } from '../../lib/http.js';
import { assertAdmin, assertSeesInternal } from '../access/index.js';
import type { ObjectionService } from './objection.service.js';
import type { ObjectionSettingsService } from './objection.settings.js';

const PLAYBOOK_RULE =
  'Each distinct answer of the category (its words compared without case, spacing or trailing punctuation, or the playbook ' +
  'answer it was picked from) counts `closed` = objections with that answer whose deal is won or lost, and `won` = those won. ' +
  'Objections on open deals are not counted in `closed` (their outcome is unknown), only in `uses`. Answers rank by the Wilson ' +
  'score lower bound of won / closed at 95% (z = 1.96), so 3 won of 4 ranks above 1 of 1; ties go to more closed deals, then ' +
  'to the most recently used. The answer an admin pinned comes first, marked `pinned`.';

export const objectionRoutes =
  (objections: ObjectionService, settings: ObjectionSettingsService): FastifyPluginAsyncZod =>
  async (app) => {
    const tags = ['objections'];
    const internal = { authorize: assertSeesInternal };
    const admin = { authorize: assertAdmin };
    app.get(
      '/objections',
      {
        config: internal,
        schema: {
          tags,
          summary: 'Objections on the deals you read, newest first: by deal, account, category and result',
          querystring: ObjectionListQuerySchema,
          response: { 200: pageOf(ObjectionSchema) },
        },
      },
      async (req) => objections.list(req.requireActor(), req.query),
    );
    app.post(
      '/objections',
      {
        config: internal,
        schema: {
          tags,
          summary: 'Log an objection on a deal you may change (optionally the meeting of its account it was raised in)',
          body: ObjectionCreateSchema,
          response: { 201: ObjectionSchema },
        },
      },
      async (req, reply) => reply.code(201).send(await objections.create(req.requireActor(), req.body)),
    );
    app.get(
      '/objections/playbook',
      {
        config: internal,
        schema: {
          tags,
          summary: 'A category’s past answers ranked by how often their deals were then won',
          description: PLAYBOOK_RULE,
          querystring: PlaybookQuerySchema,
          response: { 200: PlaybookSchema },
        },
      },
      async (req) => objections.playbook(req.requireActor(), req.query.category, req.query.limit),
    );
    app.put(
      '/objections/playbook/:category/pin',
      {
        config: admin,
        schema: {
          tags,
          summary: 'Pin the recommended answer of a category: the playbook shows it first (admins)',
          params: CategoryParamsSchema,
          body: PlaybookPinSchema,
        },
      },
      async (req, reply) => {
        await settings.pin(req.requireActor(), req.params.category, req.body.response);
        return reply.code(204).send();
      },
    );
    app.delete(
      '/objections/playbook/:category/pin',
      {
        config: admin,
        schema: { tags, summary: 'Unpin the recommended answer of a category (admins)', params: CategoryParamsSchema },
      },
      async (req, reply) => {
        await settings.pin(req.requireActor(), req.params.category, null);
        return reply.code(204).send();
      },
    );
    app.get(
      '/objections/categories',
      {
        config: internal,
        schema: {
          tags,
          summary: 'Each category: how many objections, and how the deals that had one ended (win rate = wonDeals / closedDeals)',
          response: { 200: z.object({ items: z.array(ObjectionCategoryStatsSchema) }) },
        },
      },
      async (req) => ({ items: await objections.categoryStats(req.requireActor()) }),
    );
    app.get(
      '/objections/:id',
      { schema: { tags, summary: 'One objection', params: IdParamsSchema, response: { 200: ObjectionSchema } } },
      async (req, reply) => withEtag(reply, await objections.get(req.requireActor(), req.params.id)),
    );
    app.patch(
      '/objections/:id',
      {
        schema: {
          tags,
          summary: 'Change an objection (send If-Match), for example its result once known',
          params: IdParamsSchema,
          body: ObjectionUpdateSchema,
          response: { 200: ObjectionSchema },
        },
      },
      async (req, reply) => withEtag(reply, await objections.update(req.requireActor(), req.params.id, req.body, expectedVersion(req))),
    );
    app.delete(
      '/objections/:id',
      {
        schema: {
          tags,
          summary: 'Delete an objection logged by mistake (it stops counting in the playbook; the audit log keeps it)',
          params: IdParamsSchema,
        },
      },
      async (req, reply) => {
        await objections.remove(req.requireActor(), req.params.id);
        return reply.code(204).send();
      },
    );
    await app.register(
      settingsRoutes(settings, {
        name: 'objections',
        tags,
        schema: ObjectionSettingsSchema,
        read: { authorize: assertSeesInternal, summary: 'The categories objections are sorted into' },
        write: {
          method: 'put',
          authorize: assertAdmin,
          summary: 'Change the categories (admins): names may change; a key objections use cannot be removed',
          body: ObjectionSettingsSchema,
        },
      }),
    );
  };
