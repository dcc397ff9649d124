import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { AccountService } from '../accounts/index.js';
import type { LinkAttempts } from '../auth/index.js';
import type { CatalogService } from '../catalog/index.js';
import type { ContactService } from '../contacts/index.js';
import type { DealService, DealSettingsService } from '../deals/index.js';
import type { KickoffService } from '../kickoff/index.js';
import type { AgencyService, DocumentLifecycle } from '../documents/index.js';
import type { OutboxService } from '../email/index.js';
import { defineModule, type ModuleContext } from '../module.js';
import type { AgencyCalendar, SettingsService } from '../settings/index.js';
import type { TimelineLog } from '../timeline/index.js';
import type { UserService } from '../users/index.js';
import { ProposalDecisionNotice } from './proposal.decision-notice.js';
import { ProposalKickoff } from './proposal.kickoff.js';
import { ProposalLinks } from './proposal.links.js';
import { ProposalPricing, type DiscountSource } from './proposal.pricing.js';
import { proposalPortalRoutes } from './proposal.portal.routes.js';
import { proposalPublicRoutes } from './proposal.public.routes.js';
import { proposalRoutes } from './proposal.routes.js';
import { proposalAgenda } from './proposal.agenda.js';
import { ProposalSending } from './proposal.sending.js';
import { ProposalService } from './proposal.service.js';

export type { ProposalService } from './proposal.service.js';
export type { AccountDiscount, DiscountSource } from './proposal.pricing.js';

interface ProposalDeps {
  calendar: AgencyCalendar;
  accounts: AccountService;
  deals: DealService;
  dealSettings: DealSettingsService;
  catalog: CatalogService;
  contacts: ContactService;
  users: UserService;
  documentLifecycle: DocumentLifecycle;
  agency: AgencyService;
  outbox: OutboxService;
  timeline: TimelineLog;
  links: LinkAttempts;
  kickoff: KickoffService;
  settings: SettingsService;
}

/**
 * Proposals on deals: priced from the catalog under the invoice money rules, versioned, sent as
 * registry documents with a link the client opens without signing in to accept or decline.
 * Its face: `proposals` (records and versions) and `addDiscountSource` (the account's discount,
 * for the loyalty programme to register: the first source that answers adds a discount line).
 */
export function createProposalsModule(ctx: ModuleContext, deps: ProposalDeps, opts: { publicUrl?: string }) {
  const pricing = new ProposalPricing(deps.catalog);
  const proposals = new ProposalService(ctx.db, ctx.clock, deps.calendar, deps.accounts, deps.deals, deps.dealSettings, pricing);
  const sending = new ProposalSending(
    ctx.db,
    ctx.clock,
    deps.calendar,
    proposals,
    deps.deals,
    deps.contacts,
    deps.documentLifecycle,
    deps.agency,
    deps.outbox,
    deps.timeline,
    opts.publicUrl,
  );
  const notice = new ProposalDecisionNotice(deps.users, deps.outbox, opts.publicUrl);
  const links = new ProposalLinks(ctx.db, ctx.clock, deps.calendar, proposals, deps.deals, deps.agency, deps.timeline, notice, deps.links);
  const kickoff = new ProposalKickoff(ctx.db, ctx.clock, proposals, deps.kickoff);
  const routes: FastifyPluginAsyncZod = async (app) => {
    await app.register(proposalRoutes(proposals, sending, kickoff));
    await app.register(proposalPublicRoutes(links));
    await app.register(proposalPortalRoutes(links));
  };
  return defineModule({
    proposals,
    proposalSending: sending,
    proposalLinks: links,
    addDiscountSource: (source: DiscountSource) => pricing.addDiscountSource(source),
    routes,
    agenda: [proposalAgenda(ctx.db, deps.settings)],
    timelineEvents: [
      'proposal_sent',
      'proposal_viewed',
      'proposal_accepted',
      'proposal_declined',
      'proposal_emailed',
      'proposal_email_failed',
    ],
  });
}
