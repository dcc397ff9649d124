import { sql, type SqlBool } from 'kysely';

/** Conditions for scopes that let every row through or none (the policy files' own). */
export const TRUE = sql<SqlBool>`1 = 1`;
export const FALSE = sql<SqlBool>`1 = 0`;
