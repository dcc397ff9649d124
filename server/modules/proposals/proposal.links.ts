import type { Kysely } from 'kysely';
import type { PortalProposal, PublicProposal } from '../../../common/schemas/proposal.js';
import type { Database } from '../../db/database.js';
import type { DB } from '../../db/schema.js';
import type { Clock } from '../../lib/clock.js';
import { AppError, conflict } from '../../lib/errors.js';
import { linkTokenHash } from '../../lib/links.js';
import { assertPortalUser, type Actor } from '../access/index.js';
import { recordAudit } from '../audit/index.js';
import type { LinkAttempts } from '../auth/index.js';
import { isOpenStage, type DealService } from '../deals/index.js';
import type { AgencyService } from '../documents/index.js';
import type { AgencyCalendar } from '../settings/index.js';
import type { TimelineLog } from '../timeline/index.js';
import type { ProposalDecisionNotice } from './proposal.decision-notice.js';
import { statusOf } from './proposal.presenter.js';
import type { ProposalRow } from './proposal.repository.js';
import type { ProposalService } from './proposal.service.js';

export type Decision = { status: 'accepted'; name: string | null } | { status: 'declined'; reason: string };

/** A client's proposals fit one page: a company gets a handful a year. */
const PORTAL_LIMIT = 100;

/**
 * The client's side of a proposal, without signing in: the emailed link's token (256 random bits,
 * only its hash stored; bad tokens count against the address like other emailed links) shows the
 * version sent last, and takes one decision. Accepting wins the deal; either answer goes on the
 * timeline and to the deal's owner by email.
 */
export class ProposalLinks {
  constructor(
    private readonly db: Database,
    private readonly clock: Clock,
    private readonly calendar: AgencyCalendar,
    private readonly proposals: ProposalService,
    private readonly deals: DealService,
    private readonly agency: AgencyService,
    private readonly timeline: TimelineLog,
    private readonly notice: ProposalDecisionNotice,
    private readonly links: LinkAttempts,
  ) {}

  /** The proposal behind a live link, or a 4xx that says why the link does not work. */
  private async open(token: string, address: string, t: Kysely<DB> = this.db): Promise<ProposalRow> {
    const today = await this.calendar.today(t);
    const found = await this.links.open(
      address,
      async () => {
        const link = await this.proposals.repo.findLink(linkTokenHash(token), t);
        return link ? { link, row: await this.proposals.repo.find(link.proposal_id, t) } : undefined;
      },
      (f) => {
        if (!f?.row || f.row.sent_version === null) return new AppError(404, 'proposal.link_invalid');
        if (f.link.revoked_at) return new AppError(410, 'proposal.link_revoked');
        if (statusOf(f.row, today) === 'expired') return new AppError(410, 'proposal.expired', { date: f.row.valid_until });
        return null;
      },
    );
    return found.row!;
  }

  /** What the client reads; their first look at each version goes on the timeline. */
  async view(token: string, address: string): Promise<PublicProposal> {
    const row = await this.open(token, address);
    const version = (await this.proposals.repo.version(row.id, row.sent_version!))!;
    const at = this.clock.now().toISOString();
    await this.db.transaction().execute(async (t) => {
      if (!(await this.proposals.repo.firstView(t, version.id, at))) return;
      await this.timeline.recordEvent(t, {
        accountId: row.account_id,
        kind: 'proposal_viewed',
        actorId: null,
        occurredAt: at,
        data: { proposalId: row.id, dealId: row.deal_id, title: row.deal_title, version: version.number },
      });
    });
    return this.present(row);
  }

  accept(token: string, address: string, name: string | null): Promise<PublicProposal> {
    return this.decide(token, address, { status: 'accepted', name });
  }

  decline(token: string, address: string, reason: string): Promise<PublicProposal> {
    return this.decide(token, address, { status: 'declined', reason });
  }

  private async decide(token: string, address: string, decision: Decision): Promise<PublicProposal> {
    return this.decideRow(await this.open(token, address), decision, null);
  }

  /** A client user's own company's proposals in the portal: every one sent to it, newest first (never drafts). */
  async listInPortal(actor: Actor): Promise<PortalProposal[]> {
    assertPortalUser(actor);
    const page = await this.proposals.repo.list(actor, { limit: PORTAL_LIMIT }, await this.calendar.today());
    return Promise.all(page.items.map(async (row) => ({ id: row.id, ...(await this.present(row)) })));
  }

  /** A decision in the portal, as through the link: on a proposal of the user's own company (404 otherwise), while it is valid. */
  async decideInPortal(actor: Actor, id: string, decision: Decision): Promise<PortalProposal> {
    assertPortalUser(actor);
    const row = await this.proposals.readable(actor, id);
    if (statusOf(row, await this.calendar.today()) === 'expired') throw new AppError(410, 'proposal.expired', { date: row.valid_until });
    return { id, ...(await this.decideRow(row, decision, actor.id)) };
  }

  /** One decision only: the conditional update lets exactly one of concurrent answers through. */
  private async decideRow(row: ProposalRow, decision: Decision, actorId: string | null): Promise<PublicProposal> {
    if (row.status !== 'sent') throw conflict('proposal.decided', { status: row.status });
    await this.db.transaction().execute(async (t) => {
      const at = this.clock.now().toISOString();
      const name = decision.status === 'accepted' ? decision.name : null;
      const reason = decision.status === 'declined' ? decision.reason : null;
      const today = await this.calendar.today(t);
      const set = { status: decision.status, decided_at: at, decided_by_name: name, decline_reason: reason, updated_at: at };
      if (!(await this.proposals.repo.decide(t, row.id, row.sent_version!, today, set))) {
        const now = (await this.proposals.repo.find(row.id, t))!;
        if (now.status === 'sent') throw new AppError(410, 'proposal.expired', { date: now.valid_until });
        throw conflict('proposal.decided', { status: now.status });
      }
      const version = (await this.proposals.repo.version(row.id, row.sent_version!, t))!;
      await recordAudit(t, {
        actorId,
        recordType: 'proposal',
        recordId: row.id,
        action: 'update',
        before: { status: 'sent' },
        after: { status: decision.status, decidedByName: name, declineReason: reason },
        at,
      });
      await this.timeline.recordEvent(t, {
        accountId: row.account_id,
        kind: decision.status === 'accepted' ? 'proposal_accepted' : 'proposal_declined',
        actorId,
        occurredAt: at,
        data: { proposalId: row.id, dealId: row.deal_id, title: row.deal_title, version: version.number, name, reason },
      });
      if (decision.status === 'accepted' && isOpenStage(row.deal_stage)) {
        // The client answered, not a user: the move is recorded as the deal owner's, the proposal its evidence.
        const owner = { id: row.deal_owner_id, role: 'admin' as const, accountId: null };
        await this.deals.moveIn(t, owner, row.deal_id, { stage: 'won' }, { note: null, proposalId: row.id });
      }
      await this.notice.queue(t, row, { status: decision.status, name, reason, totalMinor: version.total_minor });
    });
    await this.notice.deliver();
    return this.present((await this.proposals.repo.find(row.id))!);
  }

  /** The sent version and the proposal's state, with no id of any record. */
  private async present(row: ProposalRow): Promise<PublicProposal> {
    const content = await this.proposals.content(row.id, row.sent_version!);
    const agency = await this.agency.party(row.account_language);
    return {
      agencyName: agency.name,
      accountName: row.account_name,
      currency: row.currency,
      status: statusOf(row, await this.calendar.today()),
      validUntil: content.validUntil,
      version: content.number,
      lines: content.lines.map(({ id: _id, serviceId: _service, ...line }) => line),
      subtotalMinor: content.subtotalMinor,
      discountMinor: content.discountMinor,
      totalMinor: content.totalMinor,
      notes: content.notes,
      decidedAt: row.decided_at,
    };
  }
}
