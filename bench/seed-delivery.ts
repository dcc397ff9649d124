import { DEFAULT_SPECIALIST_ROLES, MILESTONE_STATUSES, PROJECT_STAGES, TASK_STATUSES, WORK_KINDS } from '../common/enums.js';
import { addDays } from '../server/lib/dates.js';
import { newId } from '../server/lib/ids.js';
import { searchText } from '../server/lib/text.js';
import type { Row, SeedAccount, random } from './fixtures.js';

/** Issue 4's volume: the manager's portfolio and the specialists' open work. */
export const DELIVERY = { projects: 200, milestonesPerProject: 4, tasks: 20_000, specialists: 10 };

type Rnd = ReturnType<typeof random>;
type Add = (table: string, row: Row) => Promise<void>;

/** The specialists' roles, one each, round the default role list. */
export const specialistRole = (i: number) => DEFAULT_SPECIALIST_ROLES[i % DEFAULT_SPECIALIST_ROLES.length];

/**
 * Projects on the manager's own accounts (one per account), each with milestones and
 * tasks as ProjectService, MilestoneService and TaskService write them; a task's
 * account_id is its project's.
 */
export async function writeDelivery(
  add: Add,
  accounts: SeedAccount[],
  managerId: string,
  specialistIds: string[],
  today: string,
  rnd: Rnd,
) {
  const own = accounts.filter((a) => a.ownerId === managerId).slice(0, DELIVERY.projects);
  const at = new Date(`${addDays(today, -120)}T10:00:00.000Z`).toISOString();
  const tasksPerProject = DELIVERY.tasks / own.length;
  for (const [p, a] of own.entries()) {
    const projectId = newId();
    const name = `Project ${String(p).padStart(3, '0')} ${rnd.pick(WORK_KINDS)}`;
    const stage = PROJECT_STAGES[p % PROJECT_STAGES.length];
    const approved = stage !== 'brief' && stage !== 'planning';
    await add('projects', {
      id: projectId,
      version: 1,
      created_at: at,
      updated_at: at,
      account_id: a.id,
      name,
      search_text: searchText(name),
      kind: rnd.pick(WORK_KINDS),
      stage,
      stage_before_hold: stage === 'on_hold' ? 'in_progress' : null,
      start_date: addDays(today, -120),
      due_date: addDays(today, Math.floor(rnd.next() * 180) - 30),
      budget_minor: 1_000_000 + Math.floor(rnd.next() * 100) * 100_000,
      currency: 'EUR',
      report_schedule: 'none',
      plan_status: approved ? 'approved' : 'draft',
      plan_submitted_at: approved ? at : null,
      plan_approved_at: approved ? at : null,
      plan_approved_by_id: null,
      plan_approval_note: null,
      brief_questions: '[]',
    });
    const milestoneIds: string[] = [];
    for (let m = 0; m < DELIVERY.milestonesPerProject; m++) {
      const id = newId();
      milestoneIds.push(id);
      const due = addDays(today, (m - 1) * 30 + Math.floor(rnd.next() * 20));
      const status = due < today ? rnd.pick(['done', 'done', 'in_progress'] as const) : rnd.pick(MILESTONE_STATUSES);
      await add('milestones', {
        id,
        version: 1,
        created_at: at,
        updated_at: at,
        project_id: projectId,
        title: `Milestone ${m + 1}`,
        due_date: due,
        status,
        client_approved_at: null,
      });
    }
    for (let t = 0; t < tasksPerProject; t++) {
      const s = Math.floor(rnd.next() * specialistIds.length);
      const status = rnd.pick(TASK_STATUSES);
      const estimate = 1 + Math.floor(rnd.next() * 16);
      const spent = status === 'done' ? estimate : Math.round(rnd.next() * estimate * 10) / 10;
      const title = `Task ${t} of ${name}`;
      await add('tasks', {
        id: newId(),
        version: 1,
        created_at: at,
        updated_at: at,
        project_id: projectId,
        account_id: a.id,
        title,
        search_text: searchText(title),
        assignee_id: rnd.next() < 0.95 ? specialistIds[s] : null,
        role: specialistRole(s),
        status,
        blocked_reason: status === 'blocked' ? 'Waiting for the client' : null,
        due_date: rnd.next() < 0.1 ? null : addDays(today, Math.floor(rnd.next() * 70) - 28),
        estimate_hours: estimate,
        spent_hours: spent,
        milestone_id: milestoneIds[t % milestoneIds.length],
      });
    }
  }
}
