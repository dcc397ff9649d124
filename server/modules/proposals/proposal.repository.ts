import { sql, type Insertable, type Kysely, type Updateable } from 'kysely';
import type { ProposalListQuery } from '../../../common/schemas/proposal.js';
import type { Database } from '../../db/database.js';
import type { DB } from '../../db/schema.js';
import type { ProposalLinesTable, ProposalLinksTable, ProposalsTable, ProposalVersionsTable } from '../../db/tables/proposals.js';
import { afterCursor, decodeCursor, toPage } from '../../lib/pagination.js';
import { proposalScope, type Actor } from '../access/index.js';

/**
 * The proposals tables. A proposal is read with its account (name, language, managers), its deal
 * (title, owner, stage) and its newest version's total.
 */
export class ProposalRepository {
  constructor(private readonly db: Database) {}

  private base(trx: Kysely<DB> = this.db) {
    return trx
      .selectFrom('proposals')
      .innerJoin('accounts', 'accounts.id', 'proposals.account_id')
      .innerJoin('deals', 'deals.id', 'proposals.deal_id')
      .innerJoin('proposal_versions as latest', (j) =>
        j.onRef('latest.proposal_id', '=', 'proposals.id').onRef('latest.number', '=', 'proposals.latest_version'),
      )
      .selectAll('proposals')
      .select([
        'accounts.name as account_name',
        'accounts.language as account_language',
        'accounts.owner_id as account_owner_id',
        'accounts.backup_owner_id',
        'deals.title as deal_title',
        'deals.owner_id as deal_owner_id',
        'deals.stage as deal_stage',
        'latest.total_minor as latest_total_minor',
      ]);
  }

  find(id: string, trx?: Kysely<DB>) {
    return this.base(trx).where('proposals.id', '=', id).executeTakeFirst();
  }

  /** Proposals the actor reads, newest first; `expired` and `sent` are told apart by validity against `today`. */
  async list(actor: Actor, f: ProposalListQuery, today: string) {
    const pos = decodeCursor(f.cursor, 'timestamp');
    let q = this.base()
      .where((eb) => proposalScope(actor, eb))
      .orderBy('proposals.created_at', 'desc')
      .orderBy('proposals.id', 'desc')
      .limit(f.limit + 1);
    if (f.dealId) q = q.where('proposals.deal_id', '=', f.dealId);
    if (f.accountId) q = q.where('proposals.account_id', '=', f.accountId);
    if (f.status === 'expired') q = q.where('proposals.status', '=', 'sent').where('proposals.valid_until', '<', today);
    else if (f.status === 'sent') q = q.where('proposals.status', '=', 'sent').where('proposals.valid_until', '>=', today);
    else if (f.status) q = q.where('proposals.status', '=', f.status);
    if (pos) q = q.where((eb) => afterCursor(eb, 'proposals.created_at', 'proposals.id', 'desc', pos));
    return toPage(await q.execute(), f.limit, (r) => ({ v: r.created_at, id: r.id }));
  }

  async insert(trx: Kysely<DB>, row: Insertable<ProposalsTable>): Promise<void> {
    await trx.insertInto('proposals').values(row).execute();
  }

  async update(trx: Kysely<DB>, id: string, set: Updateable<ProposalsTable>): Promise<void> {
    await trx.updateTable('proposals').set(set).where('id', '=', id).execute();
  }

  async remove(trx: Kysely<DB>, id: string): Promise<void> {
    await trx.deleteFrom('proposals').where('id', '=', id).execute();
  }

  async insertVersion(trx: Kysely<DB>, row: Insertable<ProposalVersionsTable>, lines: Insertable<ProposalLinesTable>[]): Promise<void> {
    await trx.insertInto('proposal_versions').values(row).execute();
    if (lines.length) await trx.insertInto('proposal_lines').values(lines).execute();
  }

  /** A draft version's new content: its lines replaced, its totals and validity set. */
  async rewriteVersion(
    trx: Kysely<DB>,
    versionId: string,
    set: Updateable<ProposalVersionsTable>,
    lines: Insertable<ProposalLinesTable>[],
  ): Promise<void> {
    await trx.updateTable('proposal_versions').set(set).where('id', '=', versionId).execute();
    await trx.deleteFrom('proposal_lines').where('version_id', '=', versionId).execute();
    if (lines.length) await trx.insertInto('proposal_lines').values(lines).execute();
  }

  async updateVersion(trx: Kysely<DB>, versionId: string, set: Updateable<ProposalVersionsTable>): Promise<void> {
    await trx.updateTable('proposal_versions').set(set).where('id', '=', versionId).execute();
  }

  version(proposalId: string, number: number, trx: Kysely<DB> = this.db) {
    return trx
      .selectFrom('proposal_versions')
      .selectAll()
      .where('proposal_id', '=', proposalId)
      .where('number', '=', number)
      .executeTakeFirst();
  }

  versions(proposalId: string, trx: Kysely<DB> = this.db) {
    return trx.selectFrom('proposal_versions').selectAll().where('proposal_id', '=', proposalId).orderBy('number').execute();
  }

  linesOf(versionId: string, trx: Kysely<DB> = this.db) {
    return trx.selectFrom('proposal_lines').selectAll().where('version_id', '=', versionId).orderBy('position').execute();
  }

  /** Marks the version viewed the first time only; true when this was the first view. */
  async firstView(trx: Kysely<DB>, versionId: string, at: string): Promise<boolean> {
    const res = await trx
      .updateTable('proposal_versions')
      .set({ viewed_at: at })
      .where('id', '=', versionId)
      .where('viewed_at', 'is', null)
      .executeTakeFirst();
    return Number(res.numUpdatedRows) === 1;
  }

  /**
   * The client's one decision, as a conditional update: it applies only while the proposal is
   * sent, at the version they read, and still valid. False when another decision came first.
   */
  async decide(
    trx: Kysely<DB>,
    id: string,
    sentVersion: number,
    today: string,
    set: Pick<ProposalsTable, 'status' | 'decided_at' | 'decided_by_name' | 'decline_reason' | 'updated_at'>,
  ): Promise<boolean> {
    const res = await trx
      .updateTable('proposals')
      .set({ ...set, version: sql`version + 1` })
      .where('id', '=', id)
      .where('status', '=', 'sent')
      .where('sent_version', '=', sentVersion)
      .where('valid_until', '>=', today)
      .executeTakeFirst();
    return Number(res.numUpdatedRows) === 1;
  }

  /** Records the project started from the proposal, once: false when one already was. */
  async setProject(trx: Kysely<DB>, id: string, projectId: string, at: string): Promise<boolean> {
    const res = await trx
      .updateTable('proposals')
      .set({ project_id: projectId, updated_at: at, version: sql`version + 1` })
      .where('id', '=', id)
      .where('project_id', 'is', null)
      .executeTakeFirst();
    return Number(res.numUpdatedRows) === 1;
  }

  async insertLink(trx: Kysely<DB>, row: Insertable<ProposalLinksTable>): Promise<void> {
    await trx.insertInto('proposal_links').values(row).execute();
  }

  findLink(tokenHash: string, trx: Kysely<DB> = this.db) {
    return trx.selectFrom('proposal_links').selectAll().where('token_hash', '=', tokenHash).executeTakeFirst();
  }

  /** Ends every live link of the proposal; how many there were. */
  async revokeLinks(trx: Kysely<DB>, proposalId: string, at: string): Promise<number> {
    const res = await trx
      .updateTable('proposal_links')
      .set({ revoked_at: at })
      .where('proposal_id', '=', proposalId)
      .where('revoked_at', 'is', null)
      .executeTakeFirst();
    return Number(res.numUpdatedRows);
  }
}

export type ProposalRow = NonNullable<Awaited<ReturnType<ProposalRepository['find']>>>;
export type ProposalVersionRow = NonNullable<Awaited<ReturnType<ProposalRepository['version']>>>;
export type ProposalLineRow = Awaited<ReturnType<ProposalRepository['linesOf']>>[number];
