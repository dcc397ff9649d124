import type { BillingAction, BillingActionListQuery } from '../../../common/schemas/billing.js';
import type { Insertable, Kysely } from 'kysely';
import type { Database } from '../../db/database.js';
import type { DB } from '../../db/schema.js';
import type { BillingActionsTable } from '../../db/tables/billing.js';
import type { Clock } from '../../lib/clock.js';
import { renderMessage, type Language } from '../../../common/messages/index.js';
import { conflict, conflictIf, forbidden, notFound } from '../../lib/errors.js';
import {
  assertHasFollowUps,
  billingActionAbilities,
  billingActionDoneRefusal,
  canCompleteBillingAction,
  canSeeBillingAction,
  type Actor,
} from '../access/index.js';
import { recordAudit } from '../audit/index.js';
import { BillingActionRepository, type BillingActionRow } from './billing-action.repository.js';
import type { Worded } from './wording.js';

/** A call or alert as words: the catalogue codes and figures, and the English text kept beside them. */
export function wordAction(title: Worded, detail: Worded) {
  return {
    title: renderMessage(title[0], title[1]),
    detail: renderMessage(detail[0], detail[1]),
    wording: JSON.stringify({ title, detail }),
  };
}

/** Title and detail in the reader's language (rows written before wording was kept show their English text). */
function words(r: BillingActionRow, language: Language = 'en') {
  if (!r.wording) return { title: r.title, detail: r.detail };
  const w = JSON.parse(r.wording) as { title: Worded; detail: Worded };
  return { title: renderMessage(w.title[0], w.title[1], language), detail: renderMessage(w.detail[0], w.detail[1], language) };
}

/** The call or alert as `actor` sees it: worded in `language` (theirs unless told), with what they may do with it. */
export function presentBillingAction(r: BillingActionRow, actor: Actor, language = actor.language): BillingAction {
  const { title, detail } = words(r, language);
  return {
    id: r.id,
    version: r.version,
    createdAt: r.created_at,
    updatedAt: r.updated_at,
    kind: r.kind,
    accountId: r.account_id,
    accountName: r.account_name,
    invoiceId: r.invoice_id,
    assigneeId: r.assignee_id,
    assigneeRole: r.assignee_role,
    title,
    detail,
    dueDate: r.due_date,
    doneAt: r.done_at,
    doneBy: r.done_by,
    can: billingActionAbilities(actor, r),
  };
}

/** Follow-up calls for account managers and alerts for managers and finance: list and mark done. */
export class BillingActionService {
  private readonly repo: BillingActionRepository;

  constructor(
    private readonly db: Database,
    private readonly clock: Clock,
  ) {
    this.repo = new BillingActionRepository(db);
  }

  async list(actor: Actor, query: BillingActionListQuery) {
    assertHasFollowUps(actor);
    const page = await this.repo.list(actor, query);
    return { items: page.items.map((r) => presentBillingAction(r, actor)), nextCursor: page.nextCursor };
  }

  /** Adds calls and alerts in the caller's transaction (the follow-up run). */
  async create(trx: Kysely<DB>, rows: Insertable<BillingActionsTable>[]): Promise<void> {
    await this.repo.insert(trx, rows);
  }

  async complete(actor: Actor, id: string): Promise<BillingAction> {
    return this.db.transaction().execute(async (t) => {
      const row = await this.repo.findById(id, t);
      if (!row || !canSeeBillingAction(actor, row)) throw notFound('follow_up_action');
      if (!canCompleteBillingAction(actor, row)) throw forbidden('access.follow_up_other');
      conflictIf(billingActionDoneRefusal(row));
      const now = this.clock.now().toISOString();
      // Marked only while still open, so two people completing it at once cannot both succeed.
      if (!(await this.repo.markDone(t, id, actor.id, now))) throw conflict('followUp.already_done');
      const after = (await this.repo.findById(id, t))!;
      await recordAudit(t, {
        actorId: actor.id,
        recordType: 'billing_action',
        recordId: id,
        action: 'update',
        // The audit log keeps the English wording.
        before: presentBillingAction(row, actor, 'en'),
        after: presentBillingAction(after, actor, 'en'),
        at: now,
      });
      return presentBillingAction(after, actor);
    });
  }
}
