import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import {
  ProposalAcceptSchema,
  ProposalDeclineSchema,
  ProposalTokenParamsSchema,
  PublicProposalSchema,
} from '../../../common/schemas/proposal.js';
import type { ProposalLinks } from './proposal.links.js';

const problems =
  'An unknown link answers 404; a withdrawn link or an expired proposal 410; a decision on a decided proposal 409; too many bad links from one address 429.';

/** The client's link, without signing in. */
export const proposalPublicRoutes =
  (links: ProposalLinks): FastifyPluginAsyncZod =>
  async (app) => {
    const tags = ['proposals'];
    const config = { public: true, twoFactorExempt: true };
    app.get(
      '/public/proposals/:token',
      {
        config,
        schema: {
          tags,
          summary: 'The proposal behind an emailed link: its sent version, totals, validity, agency and status',
          description: problems,
          params: ProposalTokenParamsSchema,
          response: { 200: PublicProposalSchema },
        },
      },
      async (req) => links.view(req.params.token, req.ip),
    );
    app.post(
      '/public/proposals/:token/accept',
      {
        config,
        schema: {
          tags,
          summary: 'Accept the proposal (once): the deal is won and its manager told',
          description: problems,
          params: ProposalTokenParamsSchema,
          body: ProposalAcceptSchema,
          response: { 200: PublicProposalSchema },
        },
      },
      async (req) => links.accept(req.params.token, req.ip, req.body.name ?? null),
    );
    app.post(
      '/public/proposals/:token/decline',
      {
        config,
        schema: {
          tags,
          summary: 'Decline the proposal (once) with a reason; its manager is told',
          description: problems,
          params: ProposalTokenParamsSchema,
          body: ProposalDeclineSchema,
          response: { 200: PublicProposalSchema },
        },
      },
      async (req) => links.decline(req.params.token, req.ip, req.body.reason),
    );
  };
