/** Converting between a proposal's newest version and the text its editor holds. */
import type { Proposal, ProposalUpdate } from '@common/schemas/proposal';
import i18n from '../../i18n';
import type { Conversion } from '../../lib/forms';
import { minorToDecimal, parseMoney } from '../../lib/format';
import { decimal, LINE_RENAMES } from '../billing/invoice-form-values';

export interface ProposalLineValues {
  /** A catalog service, or '' for a free line. */
  serviceId: string;
  description: string;
  /** As typed: "2,5" or "2.5". */
  quantity: string;
  /** In major units as typed; the API wants minor units. */
  unitPrice: string;
  discountPercent: string;
}

export interface ProposalFormValues {
  lines: ProposalLineValues[];
  validUntil: string;
  notes: string;
}

export { LINE_RENAMES };

export const emptyProposalLine = (): ProposalLineValues => ({
  serviceId: '',
  description: '',
  quantity: '1',
  unitPrice: '',
  discountPercent: '0',
});

/** The newest version as the editor shows it: its own lines (the loyalty line is the server's, recomputed on save). */
export function proposalToValues(proposal: Proposal): ProposalFormValues {
  return {
    lines: proposal.content.lines
      .filter((l) => l.kind === 'item')
      .map((l) => ({
        serviceId: l.serviceId ?? '',
        description: l.description,
        quantity: String(l.quantity),
        unitPrice: minorToDecimal(l.unitPriceMinor, proposal.currency),
        discountPercent: String(l.discountPercent),
      })),
    validUntil: proposal.content.validUntil,
    notes: proposal.content.notes ?? '',
  };
}

/** The API body for the values; a price that is not an amount is reported on its field. */
export function valuesToProposal(values: ProposalFormValues, currency: string, locale: string): Conversion<ProposalUpdate> {
  const errors: Record<string, string> = {};
  const lines = values.lines.map((l, i) => {
    const minor = parseMoney(l.unitPrice, currency, locale);
    if (minor === undefined || minor === null) errors[`lines.${i}.unitPrice`] = i18n.t('accounts.badAmount');
    return {
      serviceId: l.serviceId || null,
      description: l.description.trim() || null,
      quantity: decimal(l.quantity),
      unitPriceMinor: minor ?? 0,
      discountPercent: l.discountPercent.trim() === '' ? 0 : decimal(l.discountPercent),
    };
  });
  return { payload: { lines, validUntil: values.validUntil, notes: values.notes.trim() || null }, errors };
}
