import type { Insertable, Kysely } from 'kysely';
import type { Database } from '../../db/database.js';
import type { DB } from '../../db/schema.js';
import type { InboundEmailsTable } from '../../db/tables/dropbox.js';
import { afterCursor, decodeCursor, toPage } from '../../lib/pagination.js';

export type InboundEmailRow = InboundEmailsTable;

/** The dropbox's queries: addresses, received messages and their attachments. */
export class DropboxRepository {
  constructor(private readonly db: Database) {}

  addressOf(owner: { userId: string } | { accountId: string }, trx: Kysely<DB> = this.db) {
    const q = trx.selectFrom('dropbox_addresses').select('token');
    return ('userId' in owner ? q.where('user_id', '=', owner.userId) : q.where('account_id', '=', owner.accountId)).executeTakeFirst();
  }

  /** Adds an address unless the owner has one already (two first requests at once keep one). */
  async addAddress(row: { token: string; user_id: string | null; account_id: string | null; created_at: string }) {
    await this.db
      .insertInto('dropbox_addresses')
      .values(row)
      .onConflict((oc) => oc.column(row.user_id ? 'user_id' : 'account_id').doNothing())
      .execute();
  }

  byToken(token: string, trx: Kysely<DB> = this.db) {
    return trx.selectFrom('dropbox_addresses').selectAll().where('token', '=', token).executeTakeFirst();
  }

  byTokens(trx: Kysely<DB>, tokens: string[]) {
    if (!tokens.length) return Promise.resolve([]);
    return trx.selectFrom('dropbox_addresses').selectAll().where('token', 'in', tokens).execute();
  }

  /** Inserts the message unless one with its Message-ID is kept already; false then. */
  async insertEmail(trx: Kysely<DB>, row: Insertable<InboundEmailsTable>): Promise<boolean> {
    const result = await trx
      .insertInto('inbound_emails')
      .values(row)
      .onConflict((oc) => oc.column('message_id').doNothing())
      .executeTakeFirst();
    return Number(result.numInsertedOrUpdatedRows ?? 0n) > 0;
  }

  async insertAttachments(
    trx: Kysely<DB>,
    emailId: string,
    files: { id: string; filename: string; contentType: string; content: Buffer }[],
  ) {
    if (!files.length) return;
    await trx
      .insertInto('inbound_email_attachments')
      .values(
        files.map((f, position) => ({
          id: f.id,
          email_id: emailId,
          position,
          filename: f.filename,
          content_type: f.contentType,
          size: f.content.length,
          content: f.content,
        })),
      )
      .execute();
  }

  findEmail(id: string, trx: Kysely<DB> = this.db) {
    return trx.selectFrom('inbound_emails').selectAll().where('id', '=', id).executeTakeFirst();
  }

  findByInteraction(interactionId: string) {
    return this.db.selectFrom('inbound_emails').selectAll().where('interaction_id', '=', interactionId).executeTakeFirst();
  }

  /** Unmatched mail, newest first: one owner's, or everyone's (`ownerId` undefined). */
  async unmatched(f: { ownerId?: string; limit: number; cursor?: string }) {
    const pos = decodeCursor(f.cursor, 'timestamp');
    let q = this.db
      .selectFrom('inbound_emails')
      .selectAll()
      .where('status', '=', 'unmatched')
      .orderBy('received_at', 'desc')
      .orderBy('id', 'desc')
      .limit(f.limit + 1);
    if (f.ownerId !== undefined) q = q.where('owner_id', '=', f.ownerId);
    if (pos) q = q.where((eb) => afterCursor(eb, 'received_at', 'id', 'desc', pos));
    return toPage(await q.execute(), f.limit, (r) => ({ v: r.received_at, id: r.id }));
  }

  /** Attachments' names and sizes by message, without their bytes. */
  async attachmentsOf(emailIds: string[], trx: Kysely<DB> = this.db) {
    if (!emailIds.length) return [];
    return trx
      .selectFrom('inbound_email_attachments')
      .select(['id', 'email_id', 'filename', 'content_type', 'size'])
      .where('email_id', 'in', emailIds)
      .orderBy('email_id')
      .orderBy('position')
      .execute();
  }

  attachment(emailId: string, id: string) {
    return this.db
      .selectFrom('inbound_email_attachments')
      .select(['filename', 'content_type', 'content'])
      .where('email_id', '=', emailId)
      .where('id', '=', id)
      .executeTakeFirst();
  }

  /** Files an unmatched message on an account; false when it is no longer unmatched (filed or discarded meanwhile). */
  async markLogged(trx: Kysely<DB>, id: string, accountId: string, interactionId: string): Promise<boolean> {
    const result = await trx
      .updateTable('inbound_emails')
      .set({ status: 'logged', account_id: accountId, interaction_id: interactionId })
      .where('id', '=', id)
      .where('status', '=', 'unmatched')
      .executeTakeFirst();
    return Number(result.numUpdatedRows) > 0;
  }

  /** Discards an unmatched message: its text and files go; the row stays so a copy arriving later is not kept again. */
  async discard(trx: Kysely<DB>, id: string): Promise<boolean> {
    const result = await trx
      .updateTable('inbound_emails')
      .set({ status: 'discarded', text: '' })
      .where('id', '=', id)
      .where('status', '=', 'unmatched')
      .executeTakeFirst();
    if (Number(result.numUpdatedRows) === 0) return false;
    await trx.deleteFrom('inbound_email_attachments').where('email_id', '=', id).execute();
    return true;
  }
}
