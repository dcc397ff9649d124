import type { Insertable, Kysely, Selectable } from 'kysely';
import type { Database } from '../../db/database.js';
import type { DB } from '../../db/schema.js';
import type { PortalInvitationsTable } from '../../db/tables/access-links.js';

export type InvitationRow = Selectable<PortalInvitationsTable>;

/** Invitations of contacts to the client portal, kept as the SHA-256 of their token. */
export class InvitationRepository {
  constructor(private readonly db: Database) {}

  async insert(trx: Kysely<DB>, row: Insertable<PortalInvitationsTable>): Promise<void> {
    await trx.insertInto('portal_invitations').values(row).execute();
  }

  /** The contact's newest invitation. */
  latestOf(contactId: string): Promise<InvitationRow | undefined> {
    return this.db
      .selectFrom('portal_invitations')
      .selectAll()
      .where('contact_id', '=', contactId)
      .orderBy('created_at', 'desc')
      .orderBy('id', 'desc')
      .executeTakeFirst();
  }

  /** The invitation behind a token, with what the contact and their company are now. */
  findByHash(hash: string) {
    return this.db
      .selectFrom('portal_invitations')
      .innerJoin('contacts', 'contacts.id', 'portal_invitations.contact_id')
      .innerJoin('accounts', 'accounts.id', 'portal_invitations.account_id')
      .selectAll('portal_invitations')
      .select([
        'contacts.first_name',
        'contacts.last_name',
        'contacts.email as contact_email',
        'contacts.language as contact_language',
        'accounts.name as account_name',
        'accounts.language as account_language',
      ])
      .where('portal_invitations.token_hash', '=', hash)
      .executeTakeFirst();
  }

  /** Marks the invitation accepted; false when it was accepted or ended meanwhile (the row lock makes a second try wait, then fail). */
  async claim(trx: Kysely<DB>, id: string, at: string): Promise<boolean> {
    const res = await trx
      .updateTable('portal_invitations')
      .set({ accepted_at: at })
      .where('id', '=', id)
      .where('accepted_at', 'is', null)
      .where('ended_at', 'is', null)
      .executeTakeFirst();
    return res.numUpdatedRows > 0n;
  }

  /** Notes the client user the acceptance created or re-activated. */
  async setUser(trx: Kysely<DB>, id: string, userId: string): Promise<void> {
    await trx.updateTable('portal_invitations').set({ user_id: userId }).where('id', '=', id).execute();
  }

  /** Ends the contact's invitations that still wait for acceptance; answers how many. */
  async endPending(trx: Kysely<DB>, contactId: string, reason: 'replaced' | 'withdrawn', at: string): Promise<number> {
    const res = await trx
      .updateTable('portal_invitations')
      .set({ ended_at: at, ended_reason: reason })
      .where('contact_id', '=', contactId)
      .where('accepted_at', 'is', null)
      .where('ended_at', 'is', null)
      .executeTakeFirst();
    return Number(res.numUpdatedRows);
  }
}
