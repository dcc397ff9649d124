import type { Kysely } from 'kysely';
import { renderMessage } from '../../../common/messages/index.js';
import type { Proposal, ProposalSend } from '../../../common/schemas/proposal.js';
import type { Database } from '../../db/database.js';
import type { DB } from '../../db/schema.js';
import type { Clock } from '../../lib/clock.js';
import { conflict, fieldError, notFound } from '../../lib/errors.js';
import { newId } from '../../lib/ids.js';
import { newLinkToken } from '../../lib/links.js';
import { formatMoney } from '../../lib/money.js';
import { assertCanChangeProposal, type Actor } from '../access/index.js';
import { updateVersioned } from '../audit/index.js';
import type { ContactService } from '../contacts/index.js';
import type { DealService } from '../deals/index.js';
import type { AgencyService, DocumentLifecycle } from '../documents/index.js';
import { emailWithLink, humanDate, type OutboxService } from '../email/index.js';
import type { AgencyCalendar } from '../settings/index.js';
import type { TimelineLog } from '../timeline/index.js';
import { proposalDocument } from './proposal.document.js';
import { accountOf, dealOf } from './proposal.presenter.js';
import type { ProposalRow, ProposalVersionRow } from './proposal.repository.js';
import type { ProposalService } from './proposal.service.js';

/** Stages before `proposal`: sending the first proposal moves the deal on to it. */
const BEFORE_PROPOSAL = new Set(['qualified', 'meeting']);

/**
 * Sending: the newest version is frozen (a document of kind `proposal` in the account's registry,
 * numbered, its PDF rendered after the commit) unless it already was, and the client is emailed
 * a link of their own (`PUBLIC_URL/p/<token>`, only its hash stored) with the PDF attached.
 */
export class ProposalSending {
  constructor(
    private readonly db: Database,
    private readonly clock: Clock,
    private readonly calendar: AgencyCalendar,
    private readonly proposals: ProposalService,
    private readonly deals: DealService,
    private readonly contacts: ContactService,
    private readonly lifecycle: DocumentLifecycle,
    private readonly agency: AgencyService,
    private readonly outbox: OutboxService,
    private readonly timeline: TimelineLog,
    private readonly publicUrl: string | undefined,
  ) {}

  async send(actor: Actor, id: string, input: ProposalSend, expected?: number): Promise<Proposal> {
    // The link is the point of sending; without the address clients reach the app there is none to give.
    if (!this.publicUrl) throw conflict('proposal.no_public_url');
    const publicUrl = this.publicUrl;
    const { pdfVersionId } = await this.db.transaction().execute(async (t) => {
      const row = await this.proposals.changeable(actor, id, t);
      const version = (await this.proposals.repo.version(id, row.latest_version, t))!;
      const lines = await this.proposals.repo.linesOf(version.id, t);
      if (!lines.some((l) => l.kind === 'item')) throw fieldError('lines', 'proposal.lines_required');
      if (version.valid_until < (await this.calendar.today(t))) throw fieldError('validUntil', 'proposal.valid_until_past');
      const to = input.contactId
        ? (await this.contacts.recipientAddresses(t, row.account_id, [input.contactId], 'contactId'))[0]
        : input.to!;
      const now = this.clock.now().toISOString();
      let frozen = version;
      let pdfVersionId: string | null = null;
      if (!version.sent_at) {
        const issued = await this.lifecycle.issueProposal(t, proposalDocument(row, version, lines), actor.id);
        await this.proposals.repo.updateVersion(t, version.id, {
          sent_at: now,
          sent_by_id: actor.id,
          document_id: issued.documentId,
          document_number: issued.number,
        });
        frozen = (await this.proposals.repo.version(id, version.number, t))!;
        pdfVersionId = issued.versionId;
      }
      const after = await updateVersioned(t, {
        table: 'proposals',
        id,
        version: expected ?? row.version,
        set: { status: 'sent', sent_version: frozen.number, valid_until: frozen.valid_until, updated_at: now },
        audit: { actorId: actor.id, recordType: 'proposal', before: { status: row.status, sentVersion: row.sent_version }, at: now },
        after: () => this.proposals.get(actor, id, t),
      });
      await this.emailLink(t, row, frozen, to, publicUrl, now);
      await this.timeline.recordEvent(t, {
        accountId: row.account_id,
        kind: 'proposal_sent',
        actorId: actor.id,
        occurredAt: now,
        data: {
          proposalId: id,
          dealId: row.deal_id,
          title: row.deal_title,
          version: frozen.number,
          number: frozen.document_number,
          total: frozen.total_minor,
          currency: row.currency,
          validUntil: frozen.valid_until,
          to,
        },
      });
      await this.moveDealOn(t, actor, row);
      return { proposal: after, pdfVersionId };
    });
    if (pdfVersionId) await this.lifecycle.afterIssue([pdfVersionId]);
    else await this.outbox.deliverDue();
    return this.proposals.get(actor, id);
  }

  /** Ends every link emailed for the proposal: opening one then says it was withdrawn. */
  async revokeLinks(actor: Actor, id: string): Promise<{ revoked: number }> {
    return this.db.transaction().execute(async (t) => {
      const row = await this.proposals.repo.find(id, t);
      if (!row) throw notFound('proposal');
      assertCanChangeProposal(actor, dealOf(row), accountOf(row), row);
      if (row.sent_version === null) throw conflict('proposal.not_sent');
      return { revoked: await this.proposals.repo.revokeLinks(t, id, this.clock.now().toISOString()) };
    });
  }

  private async emailLink(
    t: Kysely<DB>,
    row: ProposalRow,
    version: ProposalVersionRow,
    to: string,
    publicUrl: string,
    now: string,
  ): Promise<void> {
    const { token, hash } = newLinkToken();
    const linkId = newId();
    await this.proposals.repo.insertLink(t, {
      id: linkId,
      proposal_id: row.id,
      token_hash: hash,
      email: to,
      created_at: now,
      revoked_at: null,
    });
    const language = row.account_language;
    const agency = await this.agency.party(language, t);
    const params = {
      agency: agency.name,
      total: formatMoney(version.total_minor, row.currency, language),
      date: humanDate(version.valid_until, language),
    };
    const url = new URL(`/p/${token}`, publicUrl).toString();
    const body = emailWithLink({
      before: [renderMessage('proposal.email_body', params, language)],
      link: { url, label: renderMessage('proposal.email_action', {}, language) },
      after: [],
    });
    await this.outbox.enqueueOne(t, {
      accountId: row.account_id,
      purpose: `proposal:${linkId}`,
      to,
      subject: renderMessage('proposal.email_subject', params, language),
      ...body,
      secret: token,
      attachments: version.document_id ? [await this.lifecycle.attachmentOf(t, version.document_id)] : [],
      events: { sent: 'proposal_emailed', failed: 'proposal_email_failed', data: { proposalId: row.id, version: version.number, to } },
    });
  }

  /** The deal reaches the `proposal` stage when its first proposal goes out (it keeps its next step). */
  private async moveDealOn(t: Kysely<DB>, actor: Actor, row: ProposalRow): Promise<void> {
    if (BEFORE_PROPOSAL.has(row.deal_stage)) await this.deals.moveIn(t, actor, row.deal_id, { stage: 'proposal' }, { note: null });
  }
}
