import type { Insertable, Kysely } from 'kysely';
import type { CorrectiveActionListQuery } from '../../../common/schemas/corrective-action.js';
import type { Database } from '../../db/database.js';
import type { DB } from '../../db/schema.js';
import type { CorrectiveActionClaimsTable, CorrectiveActionsTable } from '../../db/tables/corrective-actions.js';
import { afterCursor, decodeCursor, toPage } from '../../lib/pagination.js';
import { correctiveActionScope, type Actor } from '../access/index.js';

/** The `corrective_actions` and `corrective_action_claims` tables; an action is read with its owner's name. */
export class CorrectiveActionRepository {
  constructor(private readonly db: Database) {}

  private base(trx: Kysely<DB> = this.db) {
    return trx
      .selectFrom('corrective_actions')
      .innerJoin('users as owner', 'owner.id', 'corrective_actions.owner_id')
      .selectAll('corrective_actions')
      .select('owner.name as owner_name');
  }

  find(id: string, trx?: Kysely<DB>) {
    return this.base(trx).where('corrective_actions.id', '=', id).executeTakeFirst();
  }

  /** Actions the actor reads (scoped in the query), filtered, newest first, a page at a time. */
  async list(actor: Actor, f: CorrectiveActionListQuery) {
    const pos = decodeCursor(f.cursor, 'timestamp');
    let q = this.base()
      .where((eb) => correctiveActionScope(actor, eb))
      .orderBy('corrective_actions.created_at', 'desc')
      .orderBy('corrective_actions.id', 'desc')
      .limit(f.limit + 1);
    if (f.claimId) {
      const claimId = f.claimId;
      q = q.where((eb) =>
        eb.exists(
          eb
            .selectFrom('corrective_action_claims as c')
            .select('c.action_id')
            .whereRef('c.action_id', '=', 'corrective_actions.id')
            .where('c.claim_id', '=', claimId),
        ),
      );
    }
    if (f.rootCause) q = q.where('corrective_actions.root_cause', '=', f.rootCause);
    if (f.status) q = q.where('corrective_actions.status', '=', f.status);
    if (f.ownerId) q = q.where('corrective_actions.owner_id', '=', f.ownerId);
    if (f.dueBy) q = q.where('corrective_actions.due_on', '<=', f.dueBy);
    if (pos) q = q.where((eb) => afterCursor(eb, 'corrective_actions.created_at', 'corrective_actions.id', 'desc', pos));
    return toPage(await q.execute(), f.limit, (r) => ({ v: r.created_at, id: r.id }));
  }

  async insert(trx: Kysely<DB>, row: Insertable<CorrectiveActionsTable>, claims: Omit<CorrectiveActionClaimsTable, 'action_id'>[]) {
    await trx.insertInto('corrective_actions').values(row).execute();
    if (claims.length)
      await trx
        .insertInto('corrective_action_claims')
        .values(claims.map((c) => ({ ...c, action_id: row.id })))
        .execute();
  }

  /** The claims of each action with their accounts' names and managers. */
  claimsOf(actionIds: string[], trx: Kysely<DB> = this.db) {
    return trx
      .selectFrom('corrective_action_claims as c')
      .innerJoin('accounts', 'accounts.id', 'c.account_id')
      .select([
        'c.action_id',
        'c.claim_id',
        'c.account_id',
        'accounts.name as account_name',
        'accounts.owner_id',
        'accounts.backup_owner_id',
      ])
      .where('c.action_id', 'in', actionIds.length ? actionIds : [''])
      .orderBy('c.action_id')
      .orderBy('c.claim_id')
      .execute();
  }

  /** The follow-up opened for each of these actions, if any. */
  followUpsOf(actionIds: string[], trx: Kysely<DB> = this.db) {
    return trx
      .selectFrom('corrective_actions')
      .select(['id', 'follow_up_of_id'])
      .where('follow_up_of_id', 'in', actionIds.length ? actionIds : [''])
      .execute();
  }

  /** Open actions due, or due for their check, on or before `asOf`: by check date, then due date. */
  due(asOf: string, limit: number, ownerId?: string) {
    let q = this.base().where('corrective_actions.status', '=', 'open');
    if (ownerId) q = q.where('corrective_actions.owner_id', '=', ownerId);
    return q
      .where((eb) => eb.or([eb('corrective_actions.check_on', '<=', asOf), eb('corrective_actions.due_on', '<=', asOf)]))
      .orderBy('corrective_actions.check_on')
      .orderBy('corrective_actions.due_on')
      .orderBy('corrective_actions.id')
      .limit(limit)
      .execute();
  }
}

export type CorrectiveActionRow = NonNullable<Awaited<ReturnType<CorrectiveActionRepository['find']>>>;
export type ActionClaimRow = Awaited<ReturnType<CorrectiveActionRepository['claimsOf']>>[number];
