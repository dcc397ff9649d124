import type { Generated } from 'kysely';
import type { ProposalStatus } from '../../../common/enums.js';

/** Tables of proposals (migration 0027_proposals). */

/** A proposal on a deal; its content lives in its versions. `expired` is never stored: it is `sent` past `valid_until`. */
export interface ProposalsTable {
  id: string;
  version: Generated<number>;
  created_at: string;
  updated_at: string;
  account_id: string;
  deal_id: string;
  currency: string;
  status: Exclude<ProposalStatus, 'expired'>;
  /** The validity the client holds: the sent version's, or the draft's before the first send. */
  valid_until: string;
  /** The newest version's number (a draft, or the sent one when no change followed). */
  latest_version: number;
  /** The version the client reads, once one was sent. */
  sent_version: number | null;
  decided_at: string | null;
  decided_by_name: string | null;
  decline_reason: string | null;
  /** The project started from it, once started. */
  project_id: string | null;
  created_by_id: string | null;
}

/** One version of a proposal: frozen once sent. */
export interface ProposalVersionsTable {
  id: string;
  proposal_id: string;
  number: number;
  valid_until: string;
  /** Σ line totals (after each line's discount). */
  subtotal_minor: number;
  /** The account's discount on the subtotal (≤ 0). */
  discount_minor: number;
  total_minor: number;
  notes: string | null;
  /** The registry document made when it was sent. */
  document_id: string | null;
  document_number: string | null;
  sent_at: string | null;
  sent_by_id: string | null;
  /** When the client first opened it through a link. */
  viewed_at: string | null;
  created_at: string;
}

/** A priced line of a version: quantity in thousandths, discount in basis points (the invoice rules). */
export interface ProposalLinesTable {
  id: string;
  version_id: string;
  position: number;
  kind: 'item' | 'loyalty';
  service_id: string | null;
  description: string;
  quantity_milli: number;
  unit_price_minor: number;
  discount_basis_points: number;
  gross_minor: number;
  discount_minor: number;
  total_minor: number;
}

/** A link emailed to the client; the token itself is never stored. */
export interface ProposalLinksTable {
  id: string;
  proposal_id: string;
  token_hash: string;
  email: string;
  created_at: string;
  revoked_at: string | null;
}

export interface ProposalTables {
  proposals: ProposalsTable;
  proposal_versions: ProposalVersionsTable;
  proposal_lines: ProposalLinesTable;
  proposal_links: ProposalLinksTable;
}
