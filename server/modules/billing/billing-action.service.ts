import type { BillingAction, BillingActionListQuery } from '../../../common/schemas/billing.js';
import type { Insertable, Kysely } from 'kysely';
import type { Database } from '../../db/database.js';
import type { DB } from '../../db/schema.js';
import type { BillingActionsTable } from '../../db/tables/billing.js';
import type { Clock } from '../../lib/clock.js';
import { conflict, forbidden, notFound } from '../../lib/errors.js';
import { canCompleteBillingAction, canSeeBillingAction, type Actor } from '../access/index.js';
import { recordAudit } from '../audit/index.js';
import { BillingActionRepository, type BillingActionRow } from './billing-action.repository.js';

export function presentBillingAction(r: BillingActionRow): BillingAction {
  return {
    id: r.id,
    version: r.version,
    createdAt: r.created_at,
    updatedAt: r.updated_at,
    kind: r.kind as BillingAction['kind'],
    accountId: r.account_id,
    accountName: r.account_name,
    invoiceId: r.invoice_id,
    assigneeId: r.assignee_id,
    assigneeRole: r.assignee_role,
    title: r.title,
    detail: r.detail,
    dueDate: r.due_date,
    doneAt: r.done_at,
    doneBy: r.done_by,
  };
}

/** Follow-up calls for account managers and alerts for managers and finance: list and mark done. */
export class BillingActionService {
  readonly repo: BillingActionRepository;

  constructor(
    private readonly db: Database,
    private readonly clock: Clock,
  ) {
    this.repo = new BillingActionRepository(db);
  }

  async list(actor: Actor, query: BillingActionListQuery) {
    if (actor.role === 'client' || actor.role === 'specialist') throw forbidden('Your role has no billing follow-ups.');
    const page = await this.repo.list(actor, query);
    return { items: page.items.map(presentBillingAction), nextCursor: page.nextCursor };
  }

  /** Adds calls and alerts in the caller's transaction (the follow-up run). */
  async create(trx: Kysely<DB>, rows: Insertable<BillingActionsTable>[]): Promise<void> {
    await this.repo.insert(trx, rows);
  }

  async complete(actor: Actor, id: string): Promise<BillingAction> {
    return this.db.transaction().execute(async (t) => {
      const row = await this.repo.findById(id, t);
      if (!row || !canSeeBillingAction(actor, row)) throw notFound('follow-up action');
      if (!canCompleteBillingAction(actor, row)) throw forbidden('This follow-up is assigned to someone else.');
      const now = this.clock.now().toISOString();
      if (!(await this.repo.markDone(t, id, actor.id, now))) throw conflict('This follow-up is already done.');
      const after = presentBillingAction((await this.repo.findById(id, t))!);
      await recordAudit(t, {
        actorId: actor.id,
        recordType: 'billing_action',
        recordId: id,
        action: 'update',
        before: presentBillingAction(row),
        after,
        at: now,
      });
      return after;
    });
  }
}
