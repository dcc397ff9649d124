/** What a new task adds to its account's exposure: the estimate at the role's hourly rate. */

/** The role the server will give the task: the one chosen, else the specialist's first, else "other". */
export function taskRole(role: string, specialties: readonly string[] | undefined): string {
  return role || specialties?.[0] || 'other';
}

/** Hours × the role's rate (minor units per hour), rounded; an unknown rate counts as nothing. */
export function taskCostMinor(estimateHours: number, role: string, roleRates: Record<string, number> | undefined): number {
  const rate = roleRates?.[role] ?? 0;
  return Math.max(0, Math.round(estimateHours * rate));
}
