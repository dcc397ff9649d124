import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { IdParamsSchema, pageOf } from '../../../common/schemas/common.js';
import { KickoffResultSchema } from '../../../common/schemas/kickoff.js';
import {
  ProposalContentSchema,
  ProposalCreateSchema,
  ProposalListQuerySchema,
  ProposalSchema,
  ProposalSendSchema,
  ProposalStartProjectSchema,
  ProposalSummarySchema,
  ProposalUpdateSchema,
  ProposalVersionParamsSchema,
} from '../../../common/schemas/proposal.js';
import { expectedVersion, withEtag } from '../../lib/http.js';
import { assertSeesInternal, assertSeesStaffProposals } from '../access/index.js';
import type { ProposalKickoff } from './proposal.kickoff.js';
import type { ProposalSending } from './proposal.sending.js';
import type { ProposalService } from './proposal.service.js';

export const proposalRoutes =
  (proposals: ProposalService, sending: ProposalSending, kickoff: ProposalKickoff): FastifyPluginAsyncZod =>
  async (app) => {
    const tags = ['proposals'];
    const internal = { authorize: assertSeesInternal };
    // One proposal's routes hide it from those who do not see staff records, as a missing one.
    const one = { authorize: assertSeesStaffProposals };
    app.get(
      '/proposals',
      {
        config: internal,
        schema: {
          tags,
          summary: 'Proposals of the deals you read, newest first; `expired` is a sent one past its validity',
          querystring: ProposalListQuerySchema,
          response: { 200: pageOf(ProposalSummarySchema) },
        },
      },
      async (req) => proposals.list(req.requireActor(), req.query),
    );
    app.post(
      '/proposals',
      {
        config: internal,
        schema: {
          tags,
          summary: 'Make a proposal on an open deal you manage, in its currency',
          description:
            'Catalog lines take the service’s name (in the account’s language) and price (in the deal’s currency) unless given; a service without a price in that currency answers 400 naming it. Free lines give both. A registered account discount adds a `loyalty` line on the subtotal.',
          body: ProposalCreateSchema,
          response: { 201: ProposalSchema },
        },
      },
      async (req, reply) => reply.code(201).send(await proposals.create(req.requireActor(), req.body)),
    );
    app.get(
      '/proposals/:id',
      {
        config: one,
        schema: { tags, summary: 'One proposal with its newest version', params: IdParamsSchema, response: { 200: ProposalSchema } },
      },
      async (req, reply) => withEtag(reply, await proposals.get(req.requireActor(), req.params.id)),
    );
    app.patch(
      '/proposals/:id',
      {
        config: one,
        schema: {
          tags,
          summary: 'Change a proposal (send If-Match): a sent one starts its next version as a draft; a decided one answers 409',
          params: IdParamsSchema,
          body: ProposalUpdateSchema,
          response: { 200: ProposalSchema },
        },
      },
      async (req, reply) => withEtag(reply, await proposals.update(req.requireActor(), req.params.id, req.body, expectedVersion(req))),
    );
    app.delete(
      '/proposals/:id',
      { config: one, schema: { tags, summary: 'Delete a draft never sent (a sent proposal answers 409)', params: IdParamsSchema } },
      async (req, reply) => {
        await proposals.remove(req.requireActor(), req.params.id);
        return reply.code(204).send();
      },
    );
    app.get(
      '/proposals/:id/versions',
      {
        config: one,
        schema: {
          tags,
          summary: 'Every version, oldest first, with its lines, totals and registry document (its PDF)',
          params: IdParamsSchema,
          response: { 200: z.object({ items: z.array(ProposalContentSchema) }) },
        },
      },
      async (req) => ({ items: await proposals.versions(req.requireActor(), req.params.id) }),
    );
    app.get(
      '/proposals/:id/versions/:n',
      {
        config: one,
        schema: { tags, summary: 'One version', params: ProposalVersionParamsSchema, response: { 200: ProposalContentSchema } },
      },
      async (req) => proposals.version(req.requireActor(), req.params.id, req.params.n),
    );
    app.post(
      '/proposals/:id/send',
      {
        config: one,
        schema: {
          tags,
          summary: 'Send the newest version to a contact (or an address): freezes it as a numbered document and emails a link',
          description:
            '400 without lines or past its validity. The version becomes a `proposal` document of the account’s registry with its frozen PDF; the email carries the PDF and a link `PUBLIC_URL/p/<token>` valid until the validity date. A deal before the `proposal` stage moves to it.',
          params: IdParamsSchema,
          body: ProposalSendSchema,
          response: { 200: ProposalSchema },
        },
      },
      async (req, reply) => withEtag(reply, await sending.send(req.requireActor(), req.params.id, req.body, expectedVersion(req))),
    );
    app.post(
      '/proposals/:id/revoke-link',
      {
        config: one,
        schema: {
          tags,
          summary: 'End every link emailed for the proposal',
          params: IdParamsSchema,
          response: { 200: z.object({ revoked: z.number().int() }) },
        },
      },
      async (req) => sending.revokeLinks(req.requireActor(), req.params.id),
    );
    app.post(
      '/proposals/:id/start-project',
      {
        config: one,
        schema: {
          tags,
          summary: 'Start the project from an accepted proposal (once; a second start answers 409 naming the project)',
          description:
            'Plans the project from the accepted version’s catalog services and quantities (milestones dated from `startDate`, tasks by role), budget the proposal’s total, in its currency, on its deal.',
          params: IdParamsSchema,
          body: ProposalStartProjectSchema,
          response: { 201: KickoffResultSchema },
        },
      },
      async (req, reply) => reply.code(201).send(await kickoff.start(req.requireActor(), req.params.id, req.body)),
    );
  };
