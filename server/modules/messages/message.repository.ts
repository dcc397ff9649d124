import type { Insertable, Kysely } from 'kysely';
import type { Database } from '../../db/database.js';
import type { DB } from '../../db/schema.js';
import type { ClientMessagesTable } from '../../db/tables/client-messages.js';
import { afterCursor, decodeCursor, toPage } from '../../lib/pagination.js';

/** A message with its author's name and its project's, as the thread shows it. */
export interface MessageRow extends ClientMessagesTable {
  author_name: string | null;
  project_name: string | null;
}

export interface ThreadFilter {
  accountId: string;
  projectId?: string;
  limit: number;
  cursor?: string;
}

export class MessageRepository {
  constructor(private readonly db: Database) {}

  private select(trx: Kysely<DB>) {
    return trx
      .selectFrom('client_messages')
      .leftJoin('users', 'users.id', 'client_messages.author_id')
      .leftJoin('projects', 'projects.id', 'client_messages.project_id')
      .selectAll('client_messages')
      .select(['users.name as author_name', 'projects.name as project_name']);
  }

  find(id: string, trx: Kysely<DB> = this.db): Promise<MessageRow | undefined> {
    return this.select(trx).where('client_messages.id', '=', id).executeTakeFirst();
  }

  /** One company's thread (or one project's part of it), newest first; the caller has checked the actor may read it. */
  async list(f: ThreadFilter) {
    const pos = decodeCursor(f.cursor, 'timestamp');
    let q = this.select(this.db)
      .where('client_messages.account_id', '=', f.accountId)
      .orderBy('client_messages.created_at', 'desc')
      .orderBy('client_messages.id', 'desc')
      .limit(f.limit + 1);
    if (f.projectId) q = q.where('client_messages.project_id', '=', f.projectId);
    if (pos) q = q.where((eb) => afterCursor(eb, 'client_messages.created_at', 'client_messages.id', 'desc', pos));
    return toPage(await q.execute(), f.limit, (r) => ({ v: r.created_at, id: r.id }));
  }

  async insert(trx: Kysely<DB>, row: Insertable<ClientMessagesTable>): Promise<void> {
    await trx.insertInto('client_messages').values(row).execute();
  }
}
