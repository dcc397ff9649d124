import type { Kysely } from 'kysely';
import type { z } from 'zod';
import type { Requirement, RequirementCreateSchema, RequirementUpdateSchema } from '../../../common/schemas/plan.js';
import type { Database } from '../../db/database.js';
import type { DB } from '../../db/schema.js';
import type { Clock } from '../../lib/clock.js';
import { asNotFound, conflictIf, fieldError, forbidden, notFound } from '../../lib/errors.js';
import { newId } from '../../lib/ids.js';
import { withRecordMeta } from '../../lib/presenter.js';
import {
  canManageDelivery,
  onClientsBehalf,
  owningAccount,
  requirementAbilities,
  requirementDecisionRefusal,
  requirementRemovalRefusal,
  speaksForClient,
  type Actor,
  type OnAccount,
} from '../access/index.js';
import { recordAudit, updateVersioned } from '../audit/index.js';
import type { ClientNotifier } from '../notifications/index.js';
import type { ProjectRow, ProjectService } from '../projects/index.js';
import type { TimelineLog } from '../timeline/index.js';
import { RequirementRepository, type RequirementRow as Row } from './requirement.repository.js';

/** A requirement that waits for the client's decision, as a to-do names it. */
export interface AwaitingRequirement {
  id: string;
  projectId: string;
  text: string;
}

/**
 * Requirements of both parties. Agreement comes from a client user, or from the manager on
 * the client's behalf; changing an agreed requirement keeps the old text as a change request.
 */
export class RequirementService {
  private readonly repo: RequirementRepository;

  constructor(
    private readonly db: Database,
    private readonly clock: Clock,
    private readonly projects: ProjectService,
    private readonly timeline: TimelineLog,
    private readonly notifier: ClientNotifier,
  ) {
    this.repo = new RequirementRepository(db);
  }

  /** A requirement proposed, or changed after agreement, awaits the client's approval. */
  private awaitsClient(t: Kysely<DB>, project: ProjectRow, id: string, text: string) {
    const notice = { accountId: project.account_id, kind: 'requirement_approval', subjectId: id } as const;
    return this.notifier.notifyClients({ ...notice, path: `/portal/projects/${project.id}`, params: { project: project.name, text } }, t);
  }

  async list(actor: Actor, projectId: string) {
    const project = await this.projects.readable(actor, projectId);
    const rows = await this.repo.ofProject(projectId);
    return { items: await this.presentMany(actor, project, rows), nextCursor: null };
  }

  /**
   * What waits for the actor's agreement on these projects (proposed, or changed since agreed):
   * one read for every project, in each project's order of creation; projects the actor does
   * not read add nothing.
   */
  async awaitingDecision(actor: Actor, projectIds: readonly string[]): Promise<AwaitingRequirement[]> {
    const rows = await this.repo.undecided(actor, projectIds);
    return rows.filter((r) => requirementAbilities(actor, r, r).agree).map((r) => ({ id: r.id, projectId: r.project_id, text: r.text }));
  }

  async get(actor: Actor, id: string): Promise<Requirement> {
    const { row, project } = await this.load(actor, id, 'read');
    return (await this.presentMany(actor, project, [row]))[0];
  }

  async create(actor: Actor, input: z.output<typeof RequirementCreateSchema>): Promise<Requirement> {
    return this.db.transaction().execute(async (t) => {
      const project = await this.projects.writable(actor, input.projectId, t);
      const now = this.clock.now().toISOString();
      const id = newId();
      await this.repo.insert(t, {
        id,
        project_id: input.projectId,
        party: input.party,
        text: input.text,
        status: 'proposed',
        agreed_by_id: null,
        agreed_at: null,
        created_at: now,
        updated_at: now,
      });
      const [created] = await this.presentMany(actor, project, [await this.find(id, t)], t);
      await this.awaitsClient(t, project, id, input.text);
      await recordAudit(t, { actorId: actor.id, recordType: 'requirement', recordId: id, action: 'create', after: created, at: now });
      return created;
    });
  }

  async update(actor: Actor, id: string, changes: z.output<typeof RequirementUpdateSchema>, expected?: number): Promise<Requirement> {
    return this.db.transaction().execute(async (t) => {
      const { row, project } = await this.load(actor, id, 'write', t);
      const now = this.clock.now().toISOString();
      const textChanged = changes.text !== undefined && changes.text !== row.text;
      const wasAgreed = row.status === 'agreed';
      if (textChanged) await this.keepHistory(t, row, actor.id, now, changes.note ?? null);
      const [before] = await this.presentMany(actor, project, [row], t);
      if (textChanged && wasAgreed) await this.awaitsClient(t, project, id, changes.text!);
      return updateVersioned(t, {
        table: 'requirements',
        id,
        version: expected ?? row.version,
        set: {
          text: changes.text,
          party: changes.party,
          status: textChanged && wasAgreed ? 'changed' : undefined,
          agreed_by_id: textChanged && wasAgreed ? null : undefined,
          agreed_at: textChanged && wasAgreed ? null : undefined,
          updated_at: now,
        },
        audit: { actorId: actor.id, recordType: 'requirement', before: { ...before, history: undefined }, at: now },
        after: async () => (await this.presentMany(actor, project, [await this.find(id, t)], t))[0],
        audited: (after) => ({ ...after, history: undefined }),
      });
    });
  }

  /** Agree or reject: a client user of the account, or the manager recording it with a note. */
  async decide(
    actor: Actor,
    id: string,
    decision: 'agreed' | 'rejected',
    note: string | null | undefined,
    expected?: number,
  ): Promise<Requirement> {
    return this.db.transaction().execute(async (t) => {
      const { row, project } = await this.load(actor, id, 'decide', t);
      if (onClientsBehalf(actor) && !note) throw fieldError('note', 'requirement.decision_note');
      // A decline is worth nothing to the manager without its reason.
      if (decision === 'rejected' && !note) throw fieldError('note', 'requirement.decline_reason');
      conflictIf(requirementDecisionRefusal(row, decision));
      const now = this.clock.now().toISOString();
      await this.keepHistory(t, row, actor.id, now, note ?? null);
      // The manager reads the client's answer, and why they declined, on the account's timeline.
      await this.timeline.recordEvent(t, {
        accountId: project.account_id,
        kind: decision === 'agreed' ? 'requirement_agreed' : 'requirement_declined',
        actorId: actor.id,
        occurredAt: now,
        data: { projectId: project.id, name: project.name, requirementId: id, text: row.text, reason: note ?? null },
      });
      await this.notifier.withdraw(t, { accountId: project.account_id, subjectId: id, kinds: ['requirement_approval'] });
      return updateVersioned(t, {
        table: 'requirements',
        id,
        version: expected ?? row.version,
        set: {
          status: decision,
          agreed_by_id: decision === 'agreed' ? actor.id : null,
          agreed_at: decision === 'agreed' ? now : null,
          updated_at: now,
        },
        audit: { actorId: actor.id, recordType: 'requirement', before: { status: row.status }, at: now },
        after: async () => (await this.presentMany(actor, project, [await this.find(id, t)], t))[0],
        audited: () => ({ status: decision, note: note ?? null }),
      });
    });
  }

  async remove(actor: Actor, id: string): Promise<void> {
    await this.db.transaction().execute(async (t) => {
      const { row, project } = await this.load(actor, id, 'write', t);
      conflictIf(requirementRemovalRefusal(row));
      await this.repo.delete(t, id);
      await this.notifier.withdraw(t, { accountId: project.account_id, subjectId: id, kinds: ['requirement_approval'] });
      await recordAudit(t, {
        actorId: actor.id,
        recordType: 'requirement',
        recordId: id,
        action: 'delete',
        before: { text: row.text, status: row.status },
        at: this.clock.now().toISOString(),
      });
    });
  }

  private async find(id: string, t: Kysely<DB> = this.db): Promise<Row> {
    return (await this.repo.find(id, t))!;
  }

  /** The requirement and its project, if the actor may read it (404) and do what they need with it (403). */
  private async load(actor: Actor, id: string, need: 'read' | 'write' | 'decide', t: Kysely<DB> = this.db) {
    const row = await this.repo.find(id, t);
    if (!row) throw notFound('requirement');
    const project = await this.projects.readable(actor, row.project_id, t).catch(asNotFound('requirement'));
    const account = owningAccount(project);
    if (need === 'write' && !canManageDelivery(actor, account)) throw forbidden('requirement.editor');
    if (need === 'decide' && !speaksForClient(actor, account)) throw forbidden('requirement.decider');
    return { row, project };
  }

  private async keepHistory(t: Kysely<DB>, row: Row, actorId: string, now: string, note: string | null) {
    await this.repo.addHistory(t, {
      id: newId(),
      requirement_id: row.id,
      text: row.text,
      status: row.status,
      changed_by_id: actorId,
      changed_at: now,
      note,
    });
  }

  /** Requirements of one project as `actor` sees them, each with its history. */
  private async presentMany(actor: Actor, project: OnAccount, rows: Row[], t: Kysely<DB> = this.db): Promise<Requirement[]> {
    const history = await this.repo.history(
      rows.map((r) => r.id),
      t,
    );
    return rows.map((r) =>
      withRecordMeta(r, {
        projectId: r.project_id,
        party: r.party,
        text: r.text,
        status: r.status,
        agreedById: r.agreed_by_id,
        agreedAt: r.agreed_at,
        history: history
          .filter((h) => h.requirement_id === r.id)
          .map((h) => ({
            text: h.text,
            status: h.status,
            changedById: h.changed_by_id,
            changedAt: h.changed_at,
            note: h.note,
          })),
        can: requirementAbilities(actor, project, r),
      }),
    );
  }
}
