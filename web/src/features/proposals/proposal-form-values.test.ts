import { describe, expect, it } from 'vitest';
import type { Proposal } from '@common/schemas/proposal';
import { proposalToValues, valuesToProposal } from './proposal-form-values';

const line = { grossMinor: 0, discountMinor: 0, totalMinor: 0 };
const proposal = {
  currency: 'EUR',
  content: {
    validUntil: '2027-01-31',
    notes: null,
    lines: [
      {
        ...line,
        id: 'a',
        kind: 'item',
        serviceId: 's1',
        description: 'SEO audit',
        quantity: 2.5,
        unitPriceMinor: 120050,
        discountPercent: 10,
      },
      { ...line, id: 'b', kind: 'item', serviceId: null, description: 'Travel', quantity: 1, unitPriceMinor: 9900, discountPercent: 0 },
      {
        ...line,
        id: 'c',
        kind: 'loyalty',
        serviceId: null,
        description: 'Loyal client',
        quantity: 1,
        unitPriceMinor: -500,
        discountPercent: 5,
      },
    ],
  },
} as unknown as Proposal;

describe('proposal form values', () => {
  it('edits the item lines only: the loyalty line is recomputed by the server', () => {
    const values = proposalToValues(proposal);
    expect(values.lines).toEqual([
      { serviceId: 's1', description: 'SEO audit', quantity: '2.5', unitPrice: '1200.50', discountPercent: '10' },
      { serviceId: '', description: 'Travel', quantity: '1', unitPrice: '99.00', discountPercent: '0' },
    ]);
    expect(values.validUntil).toBe('2027-01-31');
  });

  it('round-trips to the same lines in minor units, free lines without a service', () => {
    const { payload, errors } = valuesToProposal(proposalToValues(proposal), 'EUR', 'en-GB');
    expect(errors).toEqual({});
    expect(payload.lines).toEqual([
      { serviceId: 's1', description: 'SEO audit', quantity: 2.5, unitPriceMinor: 120050, discountPercent: 10 },
      { serviceId: null, description: 'Travel', quantity: 1, unitPriceMinor: 9900, discountPercent: 0 },
    ]);
    expect(payload.notes).toBeNull();
  });

  it('reads prices and quantities as the locale writes them, and names a price that is not an amount', () => {
    const values = {
      validUntil: '2027-01-31',
      notes: ' Start in May ',
      lines: [
        { serviceId: '', description: 'Design', quantity: '1,5', unitPrice: '1 234,50', discountPercent: '' },
        { serviceId: '', description: 'Copy', quantity: '1', unitPrice: 'abc', discountPercent: '5' },
      ],
    };
    const { payload, errors } = valuesToProposal(values, 'EUR', 'ru-RU');
    expect(payload.lines?.[0]).toMatchObject({ quantity: 1.5, unitPriceMinor: 123450, discountPercent: 0 });
    expect(payload.notes).toBe('Start in May');
    expect(Object.keys(errors ?? {})).toEqual(['lines.1.unitPrice']);
  });
});
