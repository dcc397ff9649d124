import type { ExpressionBuilder, Insertable, Kysely, Selectable } from 'kysely';
import type { BillingActionListQuery } from '../../../common/schemas/billing.js';
import type { Database } from '../../db/database.js';
import type { DB } from '../../db/schema.js';
import type { BillingActionsTable } from '../../db/tables/billing.js';
import { afterCursor, decodeCursor, toPage } from '../../lib/pagination.js';
import { billingActionScope, type Actor } from '../access/index.js';

export type BillingActionRow = Selectable<BillingActionsTable> & { account_name: string };

/** Calls and alerts the follow-up ladder creates for people; Today reads them too. */
export class BillingActionRepository {
  constructor(private readonly db: Database) {}

  private withAccount(trx: Kysely<DB> = this.db) {
    return trx
      .selectFrom('billing_actions')
      .innerJoin('accounts', 'accounts.id', 'billing_actions.account_id')
      .selectAll('billing_actions')
      .select('accounts.name as account_name');
  }

  findById(id: string, trx: Kysely<DB> = this.db): Promise<BillingActionRow | undefined> {
    return this.withAccount(trx).where('billing_actions.id', '=', id).executeTakeFirst();
  }

  /** Soonest due first, within what the actor may see. */
  async list(actor: Actor, f: BillingActionListQuery) {
    const pos = decodeCursor(f.cursor, 'date');
    let q = this.withAccount()
      .where((eb) => billingActionScope(actor, eb as unknown as ExpressionBuilder<DB, 'billing_actions'>))
      .orderBy('billing_actions.due_date', 'asc')
      .orderBy('billing_actions.id', 'asc')
      .limit(f.limit + 1);
    if (f.state === 'open') q = q.where('billing_actions.done_at', 'is', null);
    if (f.state === 'done') q = q.where('billing_actions.done_at', 'is not', null);
    if (f.kind) q = q.where('billing_actions.kind', '=', f.kind);
    if (f.accountId) q = q.where('billing_actions.account_id', '=', f.accountId);
    if (pos) q = q.where((eb) => afterCursor(eb, 'billing_actions.due_date', 'billing_actions.id', 'asc', pos));
    return toPage(await q.execute(), f.limit, (r) => ({ v: r.due_date, id: r.id }));
  }

  async insert(trx: Kysely<DB>, rows: Insertable<BillingActionsTable>[]): Promise<void> {
    if (rows.length) await trx.insertInto('billing_actions').values(rows).execute();
  }

  /** False when it was already done. */
  async markDone(trx: Kysely<DB>, id: string, by: string, at: string): Promise<boolean> {
    const res = await trx
      .updateTable('billing_actions')
      .set((eb) => ({ done_at: at, done_by: by, updated_at: at, version: eb('version', '+', 1) }))
      .where('id', '=', id)
      .where('done_at', 'is', null)
      .executeTakeFirst();
    return res.numUpdatedRows > 0n;
  }
}
