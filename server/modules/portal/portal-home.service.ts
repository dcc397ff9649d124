import type { PortalHome, PortalNews, PortalTodo } from '../../../common/schemas/portal.js';
import type { Project } from '../../../common/schemas/project.js';
import type { Database } from '../../db/database.js';
import { groupBy } from '../../lib/group.js';
import { assertPortalUser, type Actor } from '../access/index.js';
import type { DocumentService } from '../documents/index.js';
import type { InvoiceService } from '../billing/index.js';
import type { BriefService, RequirementService } from '../plans/index.js';
import type { ProjectService } from '../projects/index.js';
import { PortalNewsRepository, type NewsEventRow } from './portal-news.repository.js';

export interface PortalHomeDeps {
  projects: ProjectService;
  requirements: RequirementService;
  briefs: BriefService;
  documents: DocumentService;
  invoices: InvoiceService;
}

const NEWS_LIMIT = 10;
/** Projects whose brief no longer waits for the client. */
const FINISHED = new Set(['delivered', 'closed']);

/**
 * The portal's start page for a client user. Everything is read through the services of the
 * modules that own it, as the client: their scopes and presenters decide what is visible, so
 * this page can never show more than the client's own pages do.
 */
export class PortalHomeService {
  private readonly news: PortalNewsRepository;

  constructor(
    db: Database,
    private readonly deps: PortalHomeDeps,
  ) {
    this.news = new PortalNewsRepository(db);
  }

  async home(actor: Actor): Promise<PortalHome> {
    assertPortalUser(actor);
    const projects = (await this.deps.projects.list(actor, { limit: 200 })).items;
    const [delivery, documents, invoices, events, reports] = await Promise.all([
      this.deliveryTodo(actor, projects),
      this.deps.documents.list(actor, { status: 'sent', limit: 200, sort: '-createdAt' }),
      this.deps.invoices.list(actor, { status: 'open', limit: 200, sort: 'dueDate' }),
      this.news.latestEvents(actor.accountId, NEWS_LIMIT),
      this.deps.documents.list(actor, { kind: 'status_report', limit: NEWS_LIMIT, sort: '-issueDate' }),
    ]);
    const invoiceTodo = invoices.items
      .filter((i) => i.balanceMinor > 0)
      .map((i): PortalTodo => ({
        kind: 'invoice',
        invoiceId: i.id,
        number: i.number,
        dueDate: i.dueDate,
        balanceMinor: i.balanceMinor,
        currency: i.currency,
        daysOverdue: i.daysOverdue,
      }));
    const toSign = documents.items
      .filter((d) => d.can.sign)
      .map((d): PortalTodo => ({ kind: 'document', documentId: d.id, documentKind: d.kind, number: d.number, title: d.title }));
    const overdue = invoiceTodo.filter((i) => i.kind === 'invoice' && i.daysOverdue !== null);
    const due = invoiceTodo.filter((i) => !overdue.includes(i));

    const named = new Map(projects.map((p) => [p.id, p.name]));
    const news: PortalNews[] = [
      ...events.flatMap((e) => newsOfEvent(e, named)),
      ...reports.items
        .filter((d) => d.status !== 'cancelled' && d.sentAt)
        .map((d): PortalNews => ({
          kind: 'status_report',
          occurredAt: d.sentAt!,
          projectId: d.projectId,
          projectName: d.projectName,
          documentId: d.id,
          title: d.title,
        })),
    ];
    news.sort((a, b) => b.occurredAt.localeCompare(a.occurredAt));
    return { todo: [...overdue, ...delivery, ...toSign, ...due], news: news.slice(0, NEWS_LIMIT) };
  }

  /**
   * Plans to approve, requirements to decide and briefs to fill, project by project: two reads
   * for all the projects together, each scoped to what the client reads.
   */
  private async deliveryTodo(actor: Actor, projects: Project[]): Promise<PortalTodo[]> {
    const ids = projects.map((p) => p.id);
    const [requirements, briefs] = await Promise.all([
      this.deps.requirements.awaitingDecision(actor, ids),
      this.deps.briefs.unsent(actor, ids),
    ]);
    const requirementsOf = groupBy(requirements, (r) => r.projectId);
    const briefOf = new Map(briefs.map((b) => [b.projectId, b]));
    return projects.flatMap((p) => {
      const on = { projectId: p.id, projectName: p.name };
      const todo: PortalTodo[] = [];
      if (p.can.approvePlan) todo.push({ kind: 'plan', ...on, since: p.planSubmittedAt });
      for (const r of requirementsOf.get(p.id) ?? []) todo.push({ kind: 'requirement', ...on, requirementId: r.id, text: r.text });
      // A brief waits for the client until they submit it: to fill in, or answered and only to send.
      const brief = briefOf.get(p.id);
      if (brief && !FINISHED.has(p.stage)) todo.push({ kind: 'brief', ...on, missing: brief.missing });
      return todo;
    });
  }
}

/** A timeline event as news, only for projects the client reads and only with the fields they may see. */
function newsOfEvent(e: NewsEventRow, named: Map<string, string>): PortalNews[] {
  const data = JSON.parse(e.data) as { projectId?: string; to?: Project['stage'] };
  const projectName = data.projectId ? named.get(data.projectId) : undefined;
  if (!data.projectId || projectName === undefined) return [];
  const on = { occurredAt: e.occurred_at, projectId: data.projectId, projectName };
  if (e.kind === 'stage_changed') return data.to ? [{ kind: 'stage_changed', ...on, stage: data.to }] : [];
  return [{ kind: e.kind, ...on }];
}
