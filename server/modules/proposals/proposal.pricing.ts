import type { Insertable, Kysely } from 'kysely';
import type { Language } from '../../../common/enums.js';
import type { ProposalLineInputSchema } from '../../../common/schemas/proposal.js';
import type { DB } from '../../db/schema.js';
import type { ProposalLinesTable } from '../../db/tables/proposals.js';
import { fieldError } from '../../lib/errors.js';
import { newId } from '../../lib/ids.js';
import { decimalToScaled, discountedTotals, scaledToDecimal, type DiscountedTotals } from '../../lib/money.js';
import { priceIn, textIn, type CatalogService } from '../catalog/index.js';
import type { z } from 'zod';

export type ProposalLineBody = z.output<typeof ProposalLineInputSchema>;

/** An account's discount from another module (loyalty): a percent of the subtotal and the reason shown on the line. */
export interface AccountDiscount {
  percent: number;
  reason: string;
}
export type DiscountSource = (t: Kysely<DB>, accountId: string) => Promise<AccountDiscount | null> | AccountDiscount | null;

export type PricedLine = Omit<Insertable<ProposalLinesTable>, 'version_id'>;

/**
 * Prices a version's lines: catalog lines take their text (in the account's language) and price
 * (in the proposal's currency) from the service unless given; free lines give both. The first
 * discount source that answers adds a loyalty line on the subtotal. Totals follow lib/money.
 */
export class ProposalPricing {
  private readonly sources: DiscountSource[] = [];

  constructor(private readonly catalog: CatalogService) {}

  addDiscountSource(source: DiscountSource): void {
    this.sources.push(source);
  }

  private async accountDiscount(t: Kysely<DB>, accountId: string): Promise<AccountDiscount | null> {
    for (const source of this.sources) {
      const found = await source(t, accountId);
      if (found && found.percent > 0) return found;
    }
    return null;
  }

  async price(
    t: Kysely<DB>,
    lines: ProposalLineBody[],
    on: { accountId: string; currency: string; language: Language },
  ): Promise<{ rows: PricedLine[]; totals: DiscountedTotals }> {
    const ids = lines.flatMap((l) => (l.serviceId ? [l.serviceId] : []));
    const services = new Map((await this.catalog.servicesByIds(ids, t)).map((s) => [s.id, s]));
    const items = lines.map((l, i) => {
      const at = (field: string) => `lines.${i}.${field}`;
      let description = l.description ?? null;
      let price = l.unitPriceMinor ?? null;
      if (l.serviceId) {
        const service = services.get(l.serviceId);
        if (!service) throw fieldError(at('serviceId'), 'proposal.no_such_service');
        const name = textIn(service.name, on.language) ?? '';
        description ??= name;
        price ??= priceIn(service, on.currency);
        if (price === null) throw fieldError(at('unitPriceMinor'), 'proposal.service_no_price', { name, currency: on.currency });
      }
      if (!description) throw fieldError(at('description'), 'proposal.description_required');
      if (price === null) throw fieldError(at('unitPriceMinor'), 'proposal.price_required');
      const quantityMilli = decimalToScaled(l.quantity, 3);
      const discountBasisPoints = decimalToScaled(l.discountPercent, 2);
      if (quantityMilli === null) throw fieldError(at('quantity'), 'validation.decimals', { max: 3 });
      if (discountBasisPoints === null) throw fieldError(at('discountPercent'), 'validation.decimals', { max: 2 });
      return { serviceId: l.serviceId ?? null, description, quantityMilli, unitPriceMinor: price, discountBasisPoints };
    });
    const loyalty = await this.accountDiscount(t, on.accountId);
    // A source may answer with more precision than a percent to the hundredth; it is rounded to that.
    const loyaltyBasisPoints = loyalty ? Math.min(10_000, Math.round(loyalty.percent * 100)) : 0;
    const totals = discountedTotals(items, loyaltyBasisPoints);
    const rows: PricedLine[] = items.map((l, i) => ({
      id: newId(),
      position: i + 1,
      kind: 'item',
      service_id: l.serviceId,
      description: l.description,
      quantity_milli: l.quantityMilli,
      unit_price_minor: l.unitPriceMinor,
      discount_basis_points: l.discountBasisPoints,
      gross_minor: totals.lines[i].grossMinor,
      discount_minor: totals.lines[i].discountMinor,
      total_minor: totals.lines[i].totalMinor,
    }));
    if (loyalty && loyaltyBasisPoints > 0) {
      rows.push({
        id: newId(),
        position: rows.length + 1,
        kind: 'loyalty',
        service_id: null,
        description: loyalty.reason,
        quantity_milli: 1000,
        unit_price_minor: totals.discountMinor,
        discount_basis_points: loyaltyBasisPoints,
        gross_minor: totals.discountMinor,
        discount_minor: 0,
        total_minor: totals.discountMinor,
      });
    }
    return { rows, totals };
  }
}

/** A stored item line back as the request gave it (a new version starts from the last one's lines). */
export const lineBodyOf = (r: {
  service_id: string | null;
  description: string;
  quantity_milli: number;
  unit_price_minor: number;
  discount_basis_points: number;
}): ProposalLineBody => ({
  serviceId: r.service_id,
  description: r.description,
  quantity: Number(scaledToDecimal(Number(r.quantity_milli), 3)),
  unitPriceMinor: Number(r.unit_price_minor),
  discountPercent: Number(scaledToDecimal(r.discount_basis_points, 2)),
});
