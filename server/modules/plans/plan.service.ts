import type { Kysely } from 'kysely';
import type { Project } from '../../../common/schemas/project.js';
import type { Database } from '../../db/database.js';
import type { DB } from '../../db/schema.js';
import type { Clock } from '../../lib/clock.js';
import { conflict, conflictIf, fieldError, forbidden } from '../../lib/errors.js';
import { onClientsBehalf, owningAccount, planApprovalRefusal, planSubmitRefusal, speaksForClient, type Actor } from '../access/index.js';
import { recordAudit } from '../audit/index.js';
import type { ClientNotifier } from '../notifications/index.js';
import type { ProjectRow, ProjectService } from '../projects/index.js';
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
    private readonly notifier: ClientNotifier,
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
      await this.logPlanStep(t, actor, p, now, 'plan_submitted', {}, { planStatus: 'submitted' });
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
      await this.logPlanStep(
        t,
        actor,
        p,
        now,
        'plan_approved',
        { onBehalf, note: note ?? null },
        { planStatus: 'approved', note: note ?? null },
      );
      return this.present(actor, projectId, t);
    });
  }

  /**
   * The client (or the manager on their behalf) sends the submitted plan back with what to
   * change, so the manager edits it and submits it again. The comment
   * goes on the account's timeline, where the manager reads it.
   */
  async requestChanges(actor: Actor, projectId: string, comment: string): Promise<Project> {
    return this.db.transaction().execute(async (t) => {
      const p = await this.projects.readable(actor, projectId, t);
      if (!speaksForClient(actor, owningAccount(p))) throw forbidden('plan.approver');
      conflictIf(planApprovalRefusal(p.plan_status));
      const now = this.clock.now().toISOString();
      await this.projects.setPlanState(t, projectId, { plan_status: 'changes_requested' }, 'submitted');
      const data = { onBehalf: onClientsBehalf(actor), reason: comment };
      await this.logPlanStep(t, actor, p, now, 'plan_changes_requested', data, { planStatus: 'changes_requested', comment });
      return this.present(actor, projectId, t);
    });
  }

  /** Called when a milestone changes: an approved plan now needs approval again. */
  async markChanged(t: Kysely<DB>, projectId: string): Promise<void> {
    await this.projects.setPlanState(t, projectId, { plan_status: 'changed' }, 'approved');
  }

  /** A step of the plan's cycle on the account's timeline and in the audit log, in the step's transaction. */
  private async logPlanStep(
    t: Kysely<DB>,
    actor: Actor,
    p: ProjectRow,
    at: string,
    kind: 'plan_submitted' | 'plan_approved' | 'plan_changes_requested',
    data: Record<string, unknown>,
    after: Record<string, unknown>,
  ): Promise<void> {
    await this.timeline.recordEvent(t, {
      accountId: p.account_id,
      kind,
      actorId: actor.id,
      occurredAt: at,
      data: { projectId: p.id, name: p.name, ...data },
    });
    const before = { planStatus: p.plan_status };
    await recordAudit(t, { actorId: actor.id, recordType: 'project', recordId: p.id, action: 'update', before, after, at });
    // A submitted plan awaits the client; an answered one no longer does.
    if (kind === 'plan_submitted') {
      const notice = { accountId: p.account_id, kind: 'plan_approval', subjectId: p.id, params: { project: p.name } } as const;
      await this.notifier.notifyClients({ ...notice, path: `/portal/projects/${p.id}` }, t);
    } else await this.notifier.withdraw(t, { accountId: p.account_id, subjectId: p.id, kinds: ['plan_approval'] });
  }

  private async present(actor: Actor, projectId: string, t: Kysely<DB>) {
    const [project] = await this.projects.presentMany(actor, [(await this.projects.find(projectId, t))!], t);
    return project;
  }
}
