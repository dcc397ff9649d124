import type { Kysely } from 'kysely';
import { DEAL_OWNER_ROLES } from '../../../common/enums.js';
import { renderMessage } from '../../../common/messages/index.js';
import type { DB } from '../../db/schema.js';
import { formatMoney } from '../../lib/money.js';
import { emailWithLink, textToHtml, type OutboxService } from '../email/index.js';
import type { UserService } from '../users/index.js';
import type { ProposalRow } from './proposal.repository.js';

/**
 * Tells the deal's owner, in their language, that the client accepted or declined the proposal:
 * by email through the outbox, the way staff hear of a client's request.
 */
export class ProposalDecisionNotice {
  constructor(
    private readonly users: UserService,
    private readonly outbox: OutboxService,
    private readonly publicUrl: string | undefined,
  ) {}

  /** Sends what was queued, after the decision's commit: the manager hears now, not at the next delivery round. */
  async deliver(): Promise<void> {
    await this.outbox.deliverDue();
  }

  async queue(
    t: Kysely<DB>,
    row: ProposalRow,
    decision: { status: 'accepted' | 'declined'; name: string | null; reason: string | null; totalMinor: number },
  ) {
    const [owner] = await this.users.activeWithRole(t, [row.deal_owner_id], DEAL_OWNER_ROLES);
    if (!owner) return;
    const language = owner.language;
    const params = {
      account: row.account_name,
      deal: row.deal_title,
      total: formatMoney(decision.totalMinor, row.currency, language),
      by: decision.name ? ` (${decision.name})` : '',
      reason: decision.reason ?? '',
      status: decision.status,
    };
    const line = renderMessage(
      decision.status === 'accepted' ? 'proposal.manager_accepted' : 'proposal.manager_declined',
      params,
      language,
    );
    const url = this.publicUrl ? new URL(`/accounts/${encodeURIComponent(row.account_id)}?tab=deals`, this.publicUrl).toString() : null;
    const body = url
      ? emailWithLink({ before: [line], link: { url, label: renderMessage('proposal.manager_action', {}, language) }, after: [] })
      : { text: line, html: textToHtml(line) };
    await this.outbox.enqueueOne(t, {
      accountId: row.account_id,
      purpose: `proposal_decision:${row.id}`,
      to: owner.email,
      subject: renderMessage('proposal.manager_subject', params, language),
      ...body,
      events: {
        sent: 'proposal_emailed',
        failed: 'proposal_email_failed',
        data: { proposalId: row.id, to: owner.email, decision: decision.status },
      },
    });
  }
}
