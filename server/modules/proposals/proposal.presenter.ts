import type { ProposalStatus } from '../../../common/enums.js';
import type { Proposal, ProposalContent, ProposalLine, ProposalSummary } from '../../../common/schemas/proposal.js';
import { withRecordMeta } from '../../lib/presenter.js';
import { scaledToDecimal } from '../../lib/money.js';
import { canChangeDeal, type Actor, type OwnedAccount } from '../access/index.js';
import type { ProposalLineRow, ProposalRow, ProposalVersionRow } from './proposal.repository.js';

/** The account a proposal row was read with, as the access rules judge it. */
export const accountOf = (r: ProposalRow): OwnedAccount => ({
  id: r.account_id,
  owner_id: r.account_owner_id,
  backup_owner_id: r.backup_owner_id,
});
export const dealOf = (r: ProposalRow) => ({ owner_id: r.deal_owner_id });

/** Sent and past its validity reads as expired (never stored, so lists filter it in the query). */
export const statusOf = (r: Pick<ProposalRow, 'status' | 'valid_until'>, today: string): ProposalStatus =>
  r.status === 'sent' && r.valid_until < today ? 'expired' : r.status;

export const presentLine = (l: ProposalLineRow): ProposalLine => ({
  id: l.id,
  kind: l.kind,
  serviceId: l.service_id,
  description: l.description,
  quantity: Number(scaledToDecimal(l.quantity_milli, 3)),
  unitPriceMinor: l.unit_price_minor,
  discountPercent: Number(scaledToDecimal(l.discount_basis_points, 2)),
  grossMinor: l.gross_minor,
  discountMinor: l.discount_minor,
  totalMinor: l.total_minor,
});

export const presentContent = (v: ProposalVersionRow, lines: ProposalLineRow[]): ProposalContent => ({
  number: v.number,
  validUntil: v.valid_until,
  lines: lines.map(presentLine),
  subtotalMinor: v.subtotal_minor,
  discountMinor: v.discount_minor,
  totalMinor: v.total_minor,
  notes: v.notes,
  sentAt: v.sent_at,
  documentId: v.document_id,
  documentNumber: v.document_number,
});

export function presentSummary(r: ProposalRow, today: string, actor: Actor): ProposalSummary {
  const change = canChangeDeal(actor, dealOf(r), accountOf(r));
  const decided = r.status === 'accepted' || r.status === 'declined';
  return withRecordMeta(r, {
    accountId: r.account_id,
    accountName: r.account_name,
    dealId: r.deal_id,
    dealTitle: r.deal_title,
    currency: r.currency,
    status: statusOf(r, today),
    sentVersion: r.sent_version,
    latestVersion: r.latest_version,
    validUntil: r.valid_until,
    totalMinor: r.latest_total_minor,
    decidedAt: r.decided_at,
    decidedByName: r.decided_by_name,
    declineReason: r.decline_reason,
    projectId: r.project_id,
    can: {
      update: change && !decided,
      send: change && !decided,
      remove: change && r.sent_version === null,
      revokeLink: change && r.sent_version !== null,
      startProject: change && r.status === 'accepted' && r.project_id === null,
    },
  });
}

export const presentProposal = (r: ProposalRow, content: ProposalContent, today: string, actor: Actor): Proposal =>
  Object.assign(presentSummary(r, today, actor), { content });
