import { sql } from 'kysely';
import type { Database } from '../../db/database.js';
import { addDays, weekStart } from '../../lib/dates.js';
import { workloadOnlyOf, type Actor } from '../access/index.js';
import type { UserService } from '../users/index.js';

/**
 * Each specialist's open work per week against their capacity. A task's remaining hours
 * (estimate − spent) count in the week of its due date; overdue or undated work counts in
 * the current week, where it still has to be done.
 */
export async function workloadReport(db: Database, users: UserService, actor: Actor, today: string, weeks: number) {
  const first = weekStart(today);
  const starts = Array.from({ length: weeks }, (_, i) => addDays(first, i * 7));
  const horizonEnd = addDays(first, weeks * 7); // exclusive

  const onlyOf = workloadOnlyOf(actor);
  const specialists = await users.specialists(onlyOf);

  let load = db
    .selectFrom('tasks')
    .select([
      'assignee_id',
      'due_date',
      sql<number>`sum(case when estimate_hours > spent_hours then estimate_hours - spent_hours else 0 end)`.as('hours'),
      sql<number>`count(*)`.as('tasks'),
    ])
    .where('status', '!=', 'done')
    .where('assignee_id', 'is not', null)
    .where((eb) => eb.or([eb('due_date', 'is', null), eb('due_date', '<', horizonEnd)]))
    .groupBy(['assignee_id', 'due_date']);
  if (onlyOf) load = load.where('assignee_id', '=', onlyOf);
  const rows = await load.execute();

  const byPerson = new Map(specialists.map((s) => [s.id, starts.map(() => ({ hours: 0, tasks: 0 }))]));
  for (const r of rows) {
    const weeksOf = byPerson.get(r.assignee_id!);
    if (!weeksOf) continue;
    const i =
      !r.due_date || r.due_date < first ? 0 : starts.findIndex((s, k) => r.due_date! >= s && r.due_date! < (starts[k + 1] ?? horizonEnd));
    weeksOf[i].hours += Number(r.hours);
    weeksOf[i].tasks += Number(r.tasks);
  }
  return {
    weekStarts: starts,
    specialists: specialists.map((s) => ({
      userId: s.id,
      name: s.name,
      specialties: JSON.parse(s.specialties) as string[],
      capacityHours: s.capacity_hours_per_week,
      weeks: byPerson.get(s.id)!.map((w, i) => ({
        weekStart: starts[i],
        hours: Math.round(w.hours * 10) / 10,
        tasks: w.tasks,
        overloaded: w.hours > s.capacity_hours_per_week,
      })),
    })),
  };
}
