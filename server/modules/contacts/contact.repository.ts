import type { Insertable, Kysely } from 'kysely';
import type { ContactListQuery } from '../../../common/schemas/contact.js';
import type { ReportRecipient } from '../../../common/schemas/status-report.js';
import type { Database } from '../../db/database.js';
import type { ContactsTable, DB } from '../../db/schema.js';
import { afterCursor, decodeCursor, toPage } from '../../lib/pagination.js';
import { matchesText } from '../../lib/text.js';
import { accountIdScope, type Actor } from '../access/index.js';
import type { ContactRow } from './contact.presenter.js';

export class ContactRepository {
  constructor(private readonly db: Database) {}

  private base(trx: Kysely<DB> = this.db) {
    return trx
      .selectFrom('contacts')
      .innerJoin('accounts', 'accounts.id', 'contacts.account_id')
      .selectAll('contacts')
      .select(['accounts.name as account_name', 'accounts.owner_id', 'accounts.backup_owner_id']);
  }

  findById(id: string, trx?: Kysely<DB>) {
    return this.base(trx).where('contacts.id', '=', id).executeTakeFirst();
  }

  /** Contacts of accounts the actor may read, by name. */
  async list(actor: Actor, f: ContactListQuery) {
    const pos = decodeCursor(f.cursor, 'text');
    let q = this.base()
      .where((eb) => accountIdScope(actor, eb, 'contacts.account_id'))
      .orderBy('contacts.sort_name')
      .orderBy('contacts.id')
      .limit(f.limit + 1);
    if (f.accountId) q = q.where('contacts.account_id', '=', f.accountId);
    if (f.q) q = q.where(matchesText('contacts.search_text', f.q));
    if (pos) q = q.where((eb) => afterCursor(eb, 'contacts.sort_name', 'contacts.id', 'asc', pos));
    return toPage(await q.execute(), f.limit, (r) => ({ v: r.sort_name, id: r.id }));
  }

  async insert(trx: Kysely<DB>, row: Insertable<ContactsTable>): Promise<ContactRow> {
    await trx.insertInto('contacts').values(row).execute();
    return (await this.findById(row.id, trx))!;
  }

  /** Contacts by address, whatever its case (an index on lower(email) serves it). */
  withAddresses(trx: Kysely<DB>, addresses: string[]) {
    if (!addresses.length) return Promise.resolve([]);
    return trx
      .selectFrom('contacts')
      .select(['id', 'account_id', 'email'])
      .where((eb) => eb(eb.fn<string>('lower', ['email']), 'in', addresses))
      .orderBy('id')
      .execute();
  }

  /** Email addresses of the account's contacts who have portal access. */
  async portalAddresses(trx: Kysely<DB>, accountId: string): Promise<string[]> {
    const rows = await trx
      .selectFrom('contacts')
      .select('email')
      .where('account_id', '=', accountId)
      .where('portal_access', '=', 1)
      .where('email', 'is not', null)
      .where('email', '<>', '')
      .orderBy('sort_name')
      .execute();
    return rows.map((r) => r.email!);
  }

  /** Contacts of the accounts who receive status reports and have an address, by account, in their language or the account's. */
  async reportRecipients(trx: Kysely<DB>, accountIds: string[]): Promise<Map<string, ReportRecipient[]>> {
    const byAccount = new Map<string, ReportRecipient[]>(accountIds.map((id) => [id, []]));
    if (!accountIds.length) return byAccount;
    const rows = await trx
      .selectFrom('contacts')
      .innerJoin('accounts', 'accounts.id', 'contacts.account_id')
      .select(['contacts.id', 'contacts.account_id', 'contacts.first_name', 'contacts.last_name', 'contacts.email', 'contacts.language'])
      .select('accounts.language as account_language')
      .where('contacts.account_id', 'in', accountIds)
      .where('contacts.receives_reports', '=', 1)
      .where('contacts.email', 'is not', null)
      .where('contacts.email', '<>', '')
      .orderBy('contacts.sort_name')
      .orderBy('contacts.id')
      .execute();
    for (const r of rows) {
      byAccount.get(r.account_id)!.push({
        contactId: r.id,
        name: [r.first_name, r.last_name].filter(Boolean).join(' '),
        email: r.email!,
        language: r.language ?? r.account_language,
      });
    }
    return byAccount;
  }

  /** The named contacts of the account (others are left out), with their addresses. */
  recipients(trx: Kysely<DB>, accountId: string, ids: string[]) {
    return trx
      .selectFrom('contacts')
      .select(['id', 'first_name', 'last_name', 'email'])
      .where('id', 'in', ids)
      .where('account_id', '=', accountId)
      .execute();
  }

  async countOfAccount(trx: Kysely<DB>, accountId: string, ids: string[]): Promise<number> {
    const rows = await trx.selectFrom('contacts').select('id').where('id', 'in', ids).where('account_id', '=', accountId).execute();
    return rows.length;
  }

  async delete(trx: Kysely<DB>, id: string) {
    await trx.deleteFrom('contacts').where('id', '=', id).execute();
  }
}
