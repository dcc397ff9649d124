import type { Database } from '../../db/database.js';
import { MICRO_HOURS } from '../../db/tables/totals.js';
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

  // Open assigned work per person and due date, kept by triggers (open_task_totals).
  let load = db
    .selectFrom('open_task_totals')
    .select(['assignee_id', 'due_date', 'remaining_micro', 'row_count'])
    .where((eb) => eb.or([eb('due_date', 'is', null), eb('due_date', '<', horizonEnd)]));
  if (onlyOf) load = load.where('assignee_id', '=', onlyOf);
  const rows = await load.execute();

  const byPerson = new Map(specialists.map((s) => [s.id, starts.map(() => ({ micro: 0, tasks: 0 }))]));
  for (const r of rows) {
    const weeksOf = byPerson.get(r.assignee_id);
    if (!weeksOf) continue;
    const i =
      !r.due_date || r.due_date < first ? 0 : starts.findIndex((s, k) => r.due_date! >= s && r.due_date! < (starts[k + 1] ?? horizonEnd));
    weeksOf[i].micro += Number(r.remaining_micro);
    weeksOf[i].tasks += Number(r.row_count);
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
        hours: Math.round(w.micro / (MICRO_HOURS / 10)) / 10,
        tasks: w.tasks,
        overloaded: w.micro > s.capacity_hours_per_week * MICRO_HOURS,
      })),
    })),
  };
}
