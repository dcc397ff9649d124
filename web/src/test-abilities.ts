/** Ability sets for unit tests: everything refused but the abilities named. */
import { SessionAbilitiesSchema, type SessionAbilities } from '@common/schemas/auth';

/** Every flag of `keys` false, but those in `allowed`. */
export function allowOnly<K extends string>(keys: readonly K[], allowed: readonly K[] = []): Record<K, boolean> {
  return Object.fromEntries(keys.map((k) => [k, allowed.includes(k)])) as Record<K, boolean>;
}

/** A session that may do exactly `allowed`. */
export const sessionAllowing = (...allowed: (keyof SessionAbilities)[]): SessionAbilities =>
  allowOnly(Object.keys(SessionAbilitiesSchema.shape) as (keyof SessionAbilities)[], allowed);
