import { pricedAs, rateFor, type RoleRates } from '../../../common/role-rates.js';
import { MICRO_HOURS } from '../../db/tables/totals.js';

export { rateFor, type RoleRates };

/** What hours spent cost in one currency, or why it cannot be said. */
export type HoursCost = { usedMinor: number; missingRates: [] } | { usedMinor: null; missingRates: string[] };

/**
 * Hours spent per role (micro-hours) priced in `currency`. A role with hours but no rate in
 * that currency makes the total unknown, and is named, rather than counted as free.
 */
export function costOfHours(rates: RoleRates, currency: string, spent: Iterable<[string | null, number]>): HoursCost {
  let used = 0;
  const missing = new Set<string>();
  for (const [role, micro] of spent) {
    if (micro <= 0) continue;
    const rate = rateFor(rates, role, currency);
    if (rate === null) missing.add(pricedAs(rates, role));
    else used += Math.round((micro / MICRO_HOURS) * rate);
  }
  return missing.size > 0 ? { usedMinor: null, missingRates: [...missing].sort() } : { usedMinor: used, missingRates: [] };
}
