import type { Kysely } from 'kysely';
import type { z } from 'zod';
import type { ActCreateSchema, ActPreview } from '../../../common/schemas/act.js';
import type { Document } from '../../../common/schemas/document.js';
import type { Language } from '../../../common/enums.js';
import type { Database } from '../../db/database.js';
import type { DB } from '../../db/schema.js';
import { conflict, fieldError, notFound } from '../../lib/errors.js';
import { priceLines, type ScaledLine } from '../../lib/lines.js';
import { scaledToDecimal } from '../../lib/money.js';
import { assertCanCreateActs, owningAccount, type Actor } from '../access/index.js';
import type { AccountService } from '../accounts/index.js';
import type { DocumentService } from '../documents/index.js';
import type { ProjectRow, ProjectService } from '../projects/index.js';
import type { RoleSettingsService } from '../tasks/index.js';
import { actLines } from './act.lines.js';
import { ActRepository, type WorkMilestone, type WorkTask } from './act.repository.js';

type ActRequest = z.output<typeof ActCreateSchema>;

/** What an act would be made of: its lines, period and the work they come from. */
interface DraftAct {
  project: ProjectRow;
  language: Language;
  lines: ScaledLine[];
  periodFrom: string | null;
  periodTo: string | null;
  tasks: WorkTask[];
  milestones: WorkMilestone[];
}

const asLineInput = (l: ScaledLine) => ({
  description: l.description,
  quantity: Number(scaledToDecimal(l.quantityMilli, 3)),
  unitPriceMinor: l.unitPriceMinor,
  taxPercent: Number(scaledToDecimal(l.taxBasisPoints, 2)),
});

/**
 * Acts of completed work drafted from what a project delivered: in a period (tasks and
 * milestones done in it) or for chosen milestones, priced by the project's basis. The work
 * an act is made from is recorded with it, so a standing act's work never goes on another.
 */
export class ActService {
  private readonly repo: ActRepository;

  constructor(
    private readonly db: Database,
    private readonly accounts: AccountService,
    private readonly projects: ProjectService,
    private readonly roles: RoleSettingsService,
    private readonly documents: DocumentService,
  ) {
    this.repo = new ActRepository(db);
  }

  /** The lines the act would have now, without drafting it. */
  async preview(actor: Actor, projectId: string, input: ActRequest): Promise<ActPreview> {
    const act = await this.draft(this.db, actor, projectId, input);
    const { rows, totals } = priceLines(act.lines);
    return {
      basis: act.project.act_basis,
      currency: act.project.currency,
      periodFrom: act.periodFrom,
      periodTo: act.periodTo,
      lines: rows.map((r, i) => ({ ...asLineInput(act.lines[i]), netMinor: r.net_minor, totalMinor: r.total_minor })),
      subtotalMinor: totals.subtotalMinor,
      taxMinor: totals.taxMinor,
      totalMinor: totals.totalMinor,
      sources: { tasks: act.tasks.length, milestones: act.milestones.length },
    };
  }

  /** Drafts the act with its lines and records the work it was made from, in one transaction. */
  async create(actor: Actor, projectId: string, input: ActRequest): Promise<Document> {
    return this.db.transaction().execute(async (t) => {
      const act = await this.draft(t, actor, projectId, input);
      const doc = await this.documents.createIn(t, actor, {
        kind: 'act',
        accountId: act.project.account_id,
        projectId: act.project.id,
        language: act.language,
        periodFrom: act.periodFrom,
        periodTo: act.periodTo,
        lines: act.lines.map(asLineInput),
      });
      await this.repo.insertSources(t, [
        ...act.tasks.map((w) => ({ document_id: doc.id, source_kind: 'task' as const, source_id: w.id })),
        ...act.milestones.map((w) => ({ document_id: doc.id, source_kind: 'milestone' as const, source_id: w.id })),
      ]);
      return doc;
    });
  }

  private async draft(t: Kysely<DB>, actor: Actor, projectId: string, input: ActRequest): Promise<DraftAct> {
    const project = await this.projects.find(projectId, t);
    if (!project) throw notFound('project');
    assertCanCreateActs(actor, owningAccount(project));
    const account = (await this.accounts.findOwned(project.account_id, t))!;
    const basis = project.act_basis;
    const work = input.milestoneIds
      ? await this.chosenWork(t, project, input.milestoneIds)
      : await this.periodWork(t, project, input.from!, input.to!);
    const { roleRates: rates } = await this.roles.load(t);
    const lines = actLines({
      basis,
      currency: project.currency,
      language: account.language,
      rates,
      tasks: work.tasks,
      milestones: work.milestones,
      byMilestone: Boolean(input.milestoneIds),
    }).filter((l) => l.quantityMilli > 0);
    if (lines.length === 0) {
      throw input.milestoneIds ? conflict('act.nothing_in_milestones') : conflict('act.nothing_delivered', { basis });
    }
    return { project, language: account.language, lines, ...work };
  }

  /** Done in the period: milestones for an act by milestones, tasks with hours for one by hours. */
  private async periodWork(t: Kysely<DB>, project: ProjectRow, from: string, to: string) {
    const byHours = project.act_basis === 'hours';
    return {
      periodFrom: from,
      periodTo: to,
      tasks: byHours ? await this.repo.doneTasks(t, project.id, from, to) : [],
      milestones: byHours ? [] : await this.repo.doneMilestones(t, project.id, from, to),
    };
  }

  /** The chosen milestones (done, of this project) and, for an act by hours, the hours spent on them; the period spans their done days. */
  private async chosenWork(t: Kysely<DB>, project: ProjectRow, ids: string[]) {
    const unique = [...new Set(ids)];
    const milestones = await this.repo.milestonesByIds(t, unique);
    if (milestones.length !== unique.length || milestones.some((m) => m.project_id !== project.id)) {
      throw fieldError('milestoneIds', 'act.milestone_other_project');
    }
    const notDone = milestones.find((m) => m.status !== 'done');
    if (notDone) throw conflict('act.milestone_not_done', { title: notDone.title });
    const days = milestones
      .map((m) => m.done_on)
      .filter((d): d is string => d !== null)
      .sort();
    const byHours = project.act_basis === 'hours';
    return {
      periodFrom: days.at(0) ?? null,
      periodTo: days.at(-1) ?? null,
      tasks: byHours ? await this.repo.tasksOfMilestones(t, project.id, unique) : [],
      milestones: byHours ? milestones : milestones.filter((m) => !m.on_act),
    };
  }
}
