import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { IdParamsSchema, pageOf } from '../../../common/schemas/common.js';
import {
  CheckFiguresSchema,
  CheckPreviewQuerySchema,
  CorrectiveActionCheckSchema,
  CorrectiveActionCreateSchema,
  CorrectiveActionListQuerySchema,
  CorrectiveActionSchema,
  CorrectiveActionUpdateSchema,
} from '../../../common/schemas/corrective-action.js';
import { expectedVersion, withEtag } from '../../lib/http.js';
import { assertSeesInternal } from '../access/index.js';
import type { CorrectiveActionService } from './corrective-action.service.js';

const RULES =
  'An action is for one claim (`claimId`) or for a root cause across claims (`rootCause`, a key of the claims’ settings; it is linked to ' +
  'the claims of that root cause you read). It stays open until its effectiveness check records a result: `effective` closes it; ' +
  '`not_effective` closes it and opens the follow-up action given with the check, in the same transaction. ' +
  'The check counts claims of the root cause registered since the action was created, and compares the average CSAT and the NPS ' +
  '(% promoters − % detractors) of the accounts of its claims in the 365 days before it with those since. Never shown in the portal.';

/** Corrective actions for staff: admins all, managers those of their accounts or their own, finance reads. */
export const correctiveActionRoutes =
  (actions: CorrectiveActionService): FastifyPluginAsyncZod =>
  async (app) => {
    const tags = ['corrective actions'];
    const internal = { authorize: assertSeesInternal };
    app.get(
      '/corrective-actions',
      {
        config: internal,
        schema: {
          tags,
          summary: 'Corrective actions you read, newest first: by claim, root cause, status, owner and due date',
          description: RULES,
          querystring: CorrectiveActionListQuerySchema,
          response: { 200: pageOf(CorrectiveActionSchema) },
        },
      },
      async (req) => actions.list(req.requireActor(), req.query),
    );
    app.post(
      '/corrective-actions',
      {
        config: internal,
        schema: {
          tags,
          summary: 'Open a corrective action on a claim you manage, or for a root cause',
          description: RULES,
          body: CorrectiveActionCreateSchema,
          response: { 201: CorrectiveActionSchema },
        },
      },
      async (req, reply) => reply.code(201).send(await actions.create(req.requireActor(), req.body)),
    );
    app.get(
      '/corrective-actions/:id',
      {
        schema: { tags, summary: 'One corrective action', params: IdParamsSchema, response: { 200: CorrectiveActionSchema } },
      },
      async (req, reply) => withEtag(reply, await actions.get(req.requireActor(), req.params.id)),
    );
    app.patch(
      '/corrective-actions/:id',
      {
        schema: {
          tags,
          summary: 'Change an open action (send If-Match): what, owner, due and check dates; it closes only through its check',
          params: IdParamsSchema,
          body: CorrectiveActionUpdateSchema,
          response: { 200: CorrectiveActionSchema },
        },
      },
      async (req, reply) => withEtag(reply, await actions.update(req.requireActor(), req.params.id, req.body, expectedVersion(req))),
    );
    app.get(
      '/corrective-actions/:id/check-preview',
      {
        schema: {
          tags,
          summary: 'The effectiveness check’s figures as of now: recurrences of the root cause and satisfaction before and after',
          description: RULES,
          params: IdParamsSchema,
          querystring: CheckPreviewQuerySchema,
          response: { 200: CheckFiguresSchema },
        },
      },
      async (req) => actions.preview(req.requireActor(), req.params.id, req.query.sameAccount),
    );
    app.post(
      '/corrective-actions/:id/check',
      {
        schema: {
          tags,
          summary: 'Record the effectiveness check (If-Match optional): the figures are computed and frozen with the result',
          description: RULES,
          params: IdParamsSchema,
          body: CorrectiveActionCheckSchema,
          response: { 200: CorrectiveActionSchema },
        },
      },
      async (req, reply) => withEtag(reply, await actions.check(req.requireActor(), req.params.id, req.body, expectedVersion(req))),
    );
  };
