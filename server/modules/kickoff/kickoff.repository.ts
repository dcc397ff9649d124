import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema.js';

/** An active specialist who may take tasks of a role, and how many open tasks they already have. */
export interface Candidate {
  id: string;
  name: string;
  specialties: string[];
  openTasks: number;
}

/**
 * Active specialists with a specialty among `roles`, each with their open assigned tasks (the
 * workload totals the tasks' triggers keep): one query. The text match narrows the rows; the
 * specialties are then compared exactly.
 */
export async function candidatesFor(trx: Kysely<DB>, roles: readonly string[]): Promise<Candidate[]> {
  if (roles.length === 0) return [];
  const rows = await trx
    .selectFrom('users as u')
    .leftJoin('open_task_totals as o', 'o.assignee_id', 'u.id')
    .select((eb) => ['u.id', 'u.name', 'u.specialties', eb.fn.coalesce(eb.fn.sum<number>('o.row_count'), eb.lit(0)).as('open_tasks')])
    .where('u.role', '=', 'specialist')
    .where('u.active', '=', 1)
    .where((eb) => eb.or(roles.map((role) => eb('u.specialties', 'like', `%${JSON.stringify(role)}%`))))
    .groupBy(['u.id', 'u.name', 'u.specialties'])
    .execute();
  return rows.map((r) => ({
    id: r.id,
    name: r.name,
    specialties: (JSON.parse(r.specialties) as string[]).filter((s) => roles.includes(s)),
    openTasks: Number(r.open_tasks),
  }));
}
