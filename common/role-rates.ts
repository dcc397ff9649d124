/**
 * Hourly rates per specialist role and currency, in minor units of that currency:
 * `{ seo: { EUR: 6000, RUB: 450000 } }`. Work is priced in its project's currency only;
 * there is no conversion between currencies.
 */
export type RoleRates = Record<string, Record<string, number>>;

/** The row that prices a role: its own when the table has rates for it, else "other" (tasks without a role, roles since removed). */
export function pricedAs(rates: RoleRates, role: string | null): string {
  return role && rates[role] && Object.keys(rates[role]).length > 0 ? role : 'other';
}

/** The role's hourly rate in the currency, or null when the table has none. */
export function rateFor(rates: RoleRates, role: string | null, currency: string): number | null {
  return rates[pricedAs(rates, role)]?.[currency] ?? null;
}
