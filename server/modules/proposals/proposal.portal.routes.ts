import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { IdParamsSchema } from '../../../common/schemas/common.js';
import { PortalProposalSchema, ProposalAcceptSchema, ProposalDeclineSchema } from '../../../common/schemas/proposal.js';
import { assertPortalUser } from '../access/index.js';
import type { ProposalLinks } from './proposal.links.js';

const problems = 'A proposal of another company, or a draft, answers 404; an expired one 410; a decision on a decided one 409; staff 403.';

/** The client's proposals in the portal: read them and answer, as through the emailed link. */
export const proposalPortalRoutes =
  (links: ProposalLinks): FastifyPluginAsyncZod =>
  async (app) => {
    const tags = ['portal'];
    const config = { authorize: assertPortalUser };
    app.get(
      '/portal/proposals',
      {
        config,
        schema: {
          tags,
          summary: 'Every proposal sent to the client’s company, newest first, as its link shows it; 403 for staff',
          response: { 200: z.object({ items: z.array(PortalProposalSchema) }) },
        },
      },
      async (req) => ({ items: await links.listInPortal(req.requireActor()) }),
    );
    app.post(
      '/portal/proposals/:id/accept',
      {
        config,
        schema: {
          tags,
          summary: 'Accept one of the company’s proposals (once): the deal is won and its manager told',
          description: problems,
          params: IdParamsSchema,
          body: ProposalAcceptSchema,
          response: { 200: PortalProposalSchema },
        },
      },
      async (req) => links.decideInPortal(req.requireActor(), req.params.id, { status: 'accepted', name: req.body.name ?? null }),
    );
    app.post(
      '/portal/proposals/:id/decline',
      {
        config,
        schema: {
          tags,
          summary: 'Decline one of the company’s proposals (once) with a reason; its manager is told',
          description: problems,
          params: IdParamsSchema,
          body: ProposalDeclineSchema,
          response: { 200: PortalProposalSchema },
        },
      },
      async (req) => links.decideInPortal(req.requireActor(), req.params.id, { status: 'declined', reason: req.body.reason }),
    );
  };
