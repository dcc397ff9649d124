/** What a new task adds to its account's exposure: the estimate at the role's hourly rate in the project's currency. */
import { rateFor, type RoleRates } from '@common/role-rates';

/** The role the server will give the task: the one chosen, else the specialist's first, else "other". */
export function taskRole(role: string, specialties: readonly string[] | undefined): string {
  return role || specialties?.[0] || 'other';
}

/** Hours × the role's rate in the currency (minor units per hour), rounded; null when there is no such rate. */
export function taskCostMinor(estimateHours: number, role: string, currency: string, roleRates: RoleRates | undefined): number | null {
  const rate = roleRates ? rateFor(roleRates, role, currency) : null;
  return rate === null ? null : Math.max(0, Math.round(estimateHours * rate));
}
