import { renderMessage } from '../../../common/messages/index.js';
import type { ScaledLine } from '../../lib/lines.js';
import { scaledToDecimal } from '../../lib/money.js';
import type { NewProposalDocument } from '../documents/index.js';
import type { ProposalLineRow, ProposalRow, ProposalVersionRow } from './proposal.repository.js';

/**
 * A version as the registry's document: each line at its full price, each line discount and the
 * account's discount as negative lines under it, so the document's lines sum (by the invoice
 * rules, quantity 1 at the discount's amount) to exactly the version's total.
 */
export function proposalDocument(row: ProposalRow, version: ProposalVersionRow, lines: ProposalLineRow[]): NewProposalDocument {
  const language = row.account_language;
  const docLines: ScaledLine[] = lines.flatMap((l): ScaledLine[] => {
    const percent = scaledToDecimal(l.discount_basis_points, 2).replace(/\.?0+$/, '');
    if (l.kind === 'loyalty') {
      return [{ description: `${l.description} (−${percent}%)`, quantityMilli: 1000, unitPriceMinor: l.total_minor, taxBasisPoints: 0 }];
    }
    const item = { description: l.description, quantityMilli: l.quantity_milli, unitPriceMinor: l.unit_price_minor, taxBasisPoints: 0 };
    if (l.discount_minor === 0) return [item];
    const description = renderMessage('proposal.line_discount', { percent, description: l.description }, language);
    return [item, { description, quantityMilli: 1000, unitPriceMinor: -l.discount_minor, taxBasisPoints: 0 }];
  });
  return {
    accountId: row.account_id,
    accountName: row.account_name,
    language,
    currency: row.currency,
    title: row.deal_title,
    validUntil: version.valid_until,
    lines: docLines,
    notes: version.notes,
  };
}
