import { sql, type Insertable, type Kysely } from 'kysely';
import type { ObjectionListQuery } from '../../../common/schemas/objection.js';
import type { Database } from '../../db/database.js';
import type { DB } from '../../db/schema.js';
import type { ObjectionsTable } from '../../db/tables/objections.js';
import { afterCursor, decodeCursor, toPage } from '../../lib/pagination.js';
import { objectionScope, type Actor } from '../access/index.js';
import type { AnswerTally } from './objection.playbook.js';

/** The `objections` table; an objection is read with its deal's title and owner and its account's name and managers. */
export class ObjectionRepository {
  constructor(private readonly db: Database) {}

  private base(trx: Kysely<DB> = this.db) {
    return trx
      .selectFrom('objections')
      .innerJoin('deals', 'deals.id', 'objections.deal_id')
      .innerJoin('accounts', 'accounts.id', 'objections.account_id')
      .selectAll('objections')
      .select([
        'deals.title as deal_title',
        'deals.owner_id as deal_owner_id',
        'accounts.name as account_name',
        'accounts.owner_id as account_owner_id',
        'accounts.backup_owner_id',
      ]);
  }

  find(id: string, trx?: Kysely<DB>) {
    return this.base(trx).where('objections.id', '=', id).executeTakeFirst();
  }

  /** Objections the actor reads (scoped in the query), newest first, a page at a time. */
  async list(actor: Actor, f: ObjectionListQuery) {
    const pos = decodeCursor(f.cursor, 'timestamp');
    let q = this.base()
      .where((eb) => objectionScope(actor, eb))
      .orderBy('objections.created_at', 'desc')
      .orderBy('objections.id', 'desc')
      .limit(f.limit + 1);
    if (f.dealId) q = q.where('objections.deal_id', '=', f.dealId);
    if (f.accountId) q = q.where('objections.account_id', '=', f.accountId);
    if (f.category) q = q.where('objections.category', '=', f.category);
    if (f.result) q = q.where('objections.result', '=', f.result);
    if (pos) q = q.where((eb) => afterCursor(eb, 'objections.created_at', 'objections.id', 'desc', pos));
    return toPage(await q.execute(), f.limit, (r) => ({ v: r.created_at, id: r.id }));
  }

  async insert(trx: Kysely<DB>, row: Insertable<ObjectionsTable>): Promise<void> {
    await trx.insertInto('objections').values(row).execute();
  }

  async remove(trx: Kysely<DB>, id: string): Promise<void> {
    await trx.deleteFrom('objections').where('id', '=', id).execute();
  }

  /** Whether an objection of the category already counts for this answer. */
  async answerUsed(trx: Kysely<DB>, category: string, key: string): Promise<boolean> {
    const row = await trx
      .selectFrom('objections')
      .select('id')
      .where('category', '=', category)
      .where('answer_key', '=', key)
      .limit(1)
      .executeTakeFirst();
    return row !== undefined;
  }

  /** The category keys some objection uses, among these. */
  async categoriesUsed(trx: Kysely<DB>, keys: string[]): Promise<string[]> {
    if (keys.length === 0) return [];
    const rows = await trx.selectFrom('objections').select('category').distinct().where('category', 'in', keys).execute();
    return rows.map((r) => r.category);
  }

  /**
   * Each distinct answer of the category with its counts (see the playbook's rule): every use,
   * uses whose deal is closed, those won, the last use, and its words as last given.
   */
  async tallies(category: string): Promise<AnswerTally[]> {
    const closed = sql<number>`sum(case when deals.stage in ('won', 'lost') then 1 else 0 end)`;
    const won = sql<number>`sum(case when deals.stage = 'won' then 1 else 0 end)`;
    const rows = await this.db
      .selectFrom('objections')
      .innerJoin('deals', 'deals.id', 'objections.deal_id')
      .where('objections.category', '=', category)
      .where('objections.answer_key', 'is not', null)
      .groupBy('objections.answer_key')
      .select((eb) => [
        'objections.answer_key',
        eb.fn.countAll<number>().as('uses'),
        closed.as('closed'),
        won.as('won'),
        eb.fn.max('objections.created_at').as('last_used_at'),
        eb
          .selectFrom('objections as latest')
          .select('latest.response')
          .where('latest.category', '=', category)
          .whereRef('latest.answer_key', '=', 'objections.answer_key')
          .orderBy('latest.created_at', 'desc')
          .orderBy('latest.id', 'desc')
          .limit(1)
          .as('response'),
      ])
      .execute();
    return rows.map((r) => ({
      key: r.answer_key!,
      response: r.response ?? '',
      uses: Number(r.uses),
      closed: Number(r.closed),
      won: Number(r.won),
      lastUsedAt: r.last_used_at === null ? null : String(r.last_used_at),
    }));
  }

  /** Per category: objections, deals that had one, of those closed and won (each deal once). */
  async categoryStats() {
    const rows = await this.db
      .selectFrom('objections')
      .innerJoin('deals', 'deals.id', 'objections.deal_id')
      .groupBy('objections.category')
      .select((eb) => [
        'objections.category',
        eb.fn.countAll<number>().as('objections'),
        sql<number>`count(distinct objections.deal_id)`.as('deals'),
        sql<number>`count(distinct case when deals.stage in ('won', 'lost') then objections.deal_id end)`.as('closed_deals'),
        sql<number>`count(distinct case when deals.stage = 'won' then objections.deal_id end)`.as('won_deals'),
      ])
      .execute();
    return rows.map((r) => ({
      category: r.category,
      objections: Number(r.objections),
      deals: Number(r.deals),
      closedDeals: Number(r.closed_deals),
      wonDeals: Number(r.won_deals),
    }));
  }
}

export type ObjectionRow = NonNullable<Awaited<ReturnType<ObjectionRepository['find']>>>;
