import type { ExpressionBuilder, Insertable, Kysely, Selectable } from 'kysely';
import type { Database } from '../../db/database.js';
import type { DB } from '../../db/schema.js';
import type { LoyaltyMovesTable, LoyaltyStandingsTable, LoyaltyTiersTable } from '../../db/tables/loyalty.js';
import { afterCursor, decodeCursor, toPage } from '../../lib/pagination.js';
import { accountScope, type Actor } from '../access/index.js';

export type TierRow = Selectable<LoyaltyTiersTable>;
export type StandingRow = Selectable<LoyaltyStandingsTable>;

/** Rows written per statement: well under both databases' limits on bound parameters. */
const CHUNK = 500;

/** Every loyalty table; the evaluation reads and writes them set-based, in chunks, never a row at a time. */
export class LoyaltyRepository {
  constructor(private readonly db: Database) {}

  tiers(trx: Kysely<DB> = this.db): Promise<TierRow[]> {
    return trx.selectFrom('loyalty_tiers').selectAll().orderBy('rank').execute();
  }

  tier(id: string, trx: Kysely<DB> = this.db): Promise<TierRow | undefined> {
    return trx.selectFrom('loyalty_tiers').selectAll().where('id', '=', id).executeTakeFirst();
  }

  async insertTier(trx: Kysely<DB>, row: Insertable<LoyaltyTiersTable>): Promise<void> {
    await trx.insertInto('loyalty_tiers').values(row).execute();
  }

  async deleteTier(trx: Kysely<DB>, id: string): Promise<void> {
    await trx.deleteFrom('loyalty_tiers').where('id', '=', id).execute();
  }

  /** A tier other than `exceptId` with the rank or (case-insensitively) the name. */
  clash(trx: Kysely<DB>, rank: number, name: string, exceptId: string | null) {
    return trx
      .selectFrom('loyalty_tiers')
      .select(['id', 'name', 'rank'])
      .where((eb) => eb.or([eb('rank', '=', rank), eb(eb.fn('lower', ['name']), '=', name.toLowerCase())]))
      .$if(exceptId !== null, (q) => q.where('id', '<>', exceptId!))
      .executeTakeFirst();
  }

  /** Accounts the evaluation judges: every active client and every account that holds a tier. */
  candidates(trx: Kysely<DB>) {
    return trx
      .selectFrom('accounts')
      .leftJoin('loyalty_standings as s', 's.account_id', 'accounts.id')
      .where((eb) => eb.or([eb('accounts.status', '=', 'active'), eb('s.tier_id', 'is not', null)]))
      .select([
        'accounts.id',
        'accounts.name',
        'accounts.status',
        'accounts.client_since',
        'accounts.owner_id',
        'accounts.backup_owner_id',
        's.tier_id',
        's.since',
      ])
      .execute();
  }

  run(trx: Kysely<DB>, runDate: string) {
    return trx.selectFrom('loyalty_runs').selectAll().where('run_date', '=', runDate).executeTakeFirst();
  }

  /** Claims the day's run; false when another call claimed it first (the caller reads that one). */
  async claimRun(trx: Kysely<DB>, row: { id: string; run_date: string; started_at: string; started_by: string | null }): Promise<boolean> {
    const inserted = await trx
      .insertInto('loyalty_runs')
      .values({ ...row, summary: '{}' })
      .onConflict((oc) => oc.column('run_date').doNothing())
      .executeTakeFirst();
    return Number(inserted.numInsertedOrUpdatedRows ?? 0) === 1;
  }

  async finishRun(trx: Kysely<DB>, id: string, summary: object): Promise<void> {
    await trx
      .updateTable('loyalty_runs')
      .set({ summary: JSON.stringify(summary) })
      .where('id', '=', id)
      .execute();
  }

  /** Writes the standings of a run: replaces the accounts' rows, chunk by chunk. */
  async saveStandings(trx: Kysely<DB>, rows: Insertable<LoyaltyStandingsTable>[]): Promise<void> {
    for (let i = 0; i < rows.length; i += CHUNK) {
      const chunk = rows.slice(i, i + CHUNK);
      await trx
        .deleteFrom('loyalty_standings')
        .where(
          'account_id',
          'in',
          chunk.map((r) => r.account_id),
        )
        .execute();
      await trx.insertInto('loyalty_standings').values(chunk).execute();
    }
  }

  async insertMoves(trx: Kysely<DB>, rows: Insertable<LoyaltyMovesTable>[]): Promise<void> {
    for (let i = 0; i < rows.length; i += CHUNK)
      await trx
        .insertInto('loyalty_moves')
        .values(rows.slice(i, i + CHUNK))
        .execute();
  }

  standing(accountId: string, trx: Kysely<DB> = this.db) {
    return trx
      .selectFrom('loyalty_standings as s')
      .leftJoin('loyalty_tiers as t', 't.id', 's.tier_id')
      .selectAll('s')
      .select(['t.name as tier_name', 't.rank as tier_rank', 't.benefits as tier_benefits'])
      .where('s.account_id', '=', accountId)
      .executeTakeFirst();
  }

  /** A page of the account's moves, newest first. */
  async moves(accountId: string, query: { limit: number; cursor?: string }) {
    const pos = decodeCursor(query.cursor, 'timestamp');
    const rows = await this.db
      .selectFrom('loyalty_moves')
      .selectAll()
      .where('account_id', '=', accountId)
      .$if(pos !== null, (q) => q.where((eb) => afterCursor(eb, 'at', 'id', 'desc', pos!)))
      .orderBy('at', 'desc')
      .orderBy('id', 'desc')
      .limit(query.limit + 1)
      .execute();
    return toPage(rows, query.limit, (r) => ({ v: r.at, id: r.id }));
  }

  /** At-risk accounts the actor reads (every one for none), by name. */
  atRisk(actor: Actor | null, limit: number) {
    return this.db
      .selectFrom('loyalty_standings as s')
      .innerJoin('accounts', 'accounts.id', 's.account_id')
      .innerJoin('loyalty_tiers as t', 't.id', 's.tier_id')
      .where('s.at_risk', '=', 1)
      .$if(actor !== null, (q) => q.where((eb) => accountScope(actor!, eb as unknown as ExpressionBuilder<DB, 'accounts'>)))
      .select(['accounts.id', 'accounts.name', 't.name as tier_name', 's.checks'])
      .orderBy('accounts.name')
      .orderBy('accounts.id')
      .limit(limit)
      .execute();
  }

  referralOf(accountId: string, trx: Kysely<DB> = this.db) {
    return trx
      .selectFrom('loyalty_referrals as r')
      .innerJoin('accounts as a', 'a.id', 'r.referrer_id')
      .selectAll('r')
      .select('a.name as referrer_name')
      .where('r.account_id', '=', accountId)
      .executeTakeFirst();
  }

  referralsBy(referrerId: string, trx: Kysely<DB> = this.db) {
    return trx
      .selectFrom('loyalty_referrals as r')
      .innerJoin('accounts as a', 'a.id', 'r.account_id')
      .selectAll('r')
      .select('a.name as referred_name')
      .where('r.referrer_id', '=', referrerId)
      .orderBy('a.name')
      .limit(200)
      .execute();
  }

  async setReferral(trx: Kysely<DB>, accountId: string, referrerId: string | null, at: string, by: string): Promise<void> {
    await trx.deleteFrom('loyalty_referrals').where('account_id', '=', accountId).execute();
    if (referrerId) {
      await trx
        .insertInto('loyalty_referrals')
        .values({ account_id: accountId, referrer_id: referrerId, created_at: at, created_by: by })
        .execute();
    }
  }

  /** Referrals whose reward is not yet recorded. */
  unrewarded(trx: Kysely<DB>) {
    return trx
      .selectFrom('loyalty_referrals as r')
      .innerJoin('accounts as a', 'a.id', 'r.referrer_id')
      .select(['r.account_id', 'r.referrer_id', 'a.currency as referrer_currency'])
      .where('r.rewarded_at', 'is', null)
      .execute();
  }

  async reward(trx: Kysely<DB>, accountId: string, at: string, reward: object): Promise<void> {
    await trx
      .updateTable('loyalty_referrals')
      .set({ rewarded_at: at, reward: JSON.stringify(reward) })
      .where('account_id', '=', accountId)
      .where('rewarded_at', 'is', null)
      .execute();
  }
}
