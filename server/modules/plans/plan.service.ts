import type { Kysely } from 'kysely';
import type { Project } from '../../../common/schemas/project.js';
import type { Database } from '../../db/database.js';
import type { DB } from '../../db/schema.js';
import type { Clock } from '../../lib/clock.js';
import { conflict, conflictIf, fieldError, forbidden } from '../../lib/errors.js';
import { onClientsBehalf, owningAccount, planApprovalRefusal, planSubmitRefusal, speaksForClient, type Actor } from '../access/index.js';
import { recordAudit } from '../audit/index.js';
import type { ProjectService } from '../projects/index.js';
import type { TimelineLog } from '../timeline/index.js';
import { MilestoneRepository } from './milestone.repository.js';

/**
 * The work plan's agreement cycle: draft → submitted → approved, and back to "changed"
 * when a milestone is edited or added after approval, which needs a new approval.
 */
export class PlanService {
  private readonly milestones: MilestoneRepository;

  constructor(
    private readonly db: Database,
    private readonly clock: Clock,
    private readonly projects: ProjectService,
    private readonly timeline: TimelineLog,
  ) {
    this.milestones = new MilestoneRepository(db);
  }

  async submit(actor: Actor, projectId: string): Promise<Project> {
    return this.db.transaction().execute(async (t) => {
      const p = await this.projects.writable(actor, projectId, t);
      conflictIf(planSubmitRefusal(p.plan_status));
      if (!(await this.milestones.hasAny(t, projectId))) throw conflict('plan.no_milestones');
      const now = this.clock.now().toISOString();
      await this.projects.setPlanState(t, projectId, { plan_status: 'submitted', plan_submitted_at: now });
      await this.timeline.recordEvent(t, {
        accountId: p.account_id,
        kind: 'plan_submitted',
        actorId: actor.id,
        occurredAt: now,
        data: { projectId, name: p.name },
      });
      await recordAudit(t, {
        actorId: actor.id,
        recordType: 'project',
        recordId: projectId,
        action: 'update',
        before: { planStatus: p.plan_status },
        after: { planStatus: 'submitted' },
        at: now,
      });
      return this.present(actor, projectId, t);
    });
  }

  /** A client user of the account approves; the manager may record it on their behalf with a note. */
  async approve(actor: Actor, projectId: string, note: string | null | undefined): Promise<Project> {
    return this.db.transaction().execute(async (t) => {
      const p = await this.projects.readable(actor, projectId, t);
      const onBehalf = onClientsBehalf(actor);
      if (!speaksForClient(actor, owningAccount(p))) throw forbidden('plan.approver');
      if (onBehalf && !note) throw fieldError('note', 'plan.approval_note');
      conflictIf(planApprovalRefusal(p.plan_status));
      const now = this.clock.now().toISOString();
      await this.projects.setPlanState(t, projectId, {
        plan_status: 'approved',
        plan_approved_at: now,
        plan_approved_by_id: actor.id,
        plan_approval_note: note ?? null,
      });
      await this.milestones.markApproved(t, projectId, now);
      await this.timeline.recordEvent(t, {
        accountId: p.account_id,
        kind: 'plan_approved',
        actorId: actor.id,
        occurredAt: now,
        data: { projectId, name: p.name, onBehalf, note: note ?? null },
      });
      await recordAudit(t, {
        actorId: actor.id,
        recordType: 'project',
        recordId: projectId,
        action: 'update',
        before: { planStatus: p.plan_status },
        after: { planStatus: 'approved', note: note ?? null },
        at: now,
      });
      return this.present(actor, projectId, t);
    });
  }

  /** Called when a milestone changes: an approved plan now needs approval again. */
  async markChanged(t: Kysely<DB>, projectId: string): Promise<void> {
    await this.projects.setPlanState(t, projectId, { plan_status: 'changed' }, 'approved');
  }

  private async present(actor: Actor, projectId: string, t: Kysely<DB>) {
    const [project] = await this.projects.presentMany(actor, [(await this.projects.find(projectId, t))!], t);
    return project;
  }
}
