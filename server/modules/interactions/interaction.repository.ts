import type { Insertable, Kysely } from 'kysely';
import type { InteractionListQuery } from '../../../common/schemas/interaction.js';
import type { Database } from '../../db/database.js';
import type { DB, InteractionsTable } from '../../db/schema.js';
import { toIso } from '../../lib/clock.js';
import { afterCursor, decodeCursor, toPage } from '../../lib/pagination.js';
import { matchesText } from '../../lib/text.js';
import { accountIdScope, type Actor } from '../access/index.js';
import type { InteractionRow } from './interaction.presenter.js';

export class InteractionRepository {
  constructor(private readonly db: Database) {}

  findById(id: string, trx: Kysely<DB> = this.db): Promise<InteractionRow | undefined> {
    return trx.selectFrom('interactions').selectAll().where('id', '=', id).executeTakeFirst();
  }

  /** Contact ids of many interactions in one query. */
  async contactIds(ids: string[], trx: Kysely<DB> = this.db): Promise<Map<string, string[]>> {
    const map = new Map<string, string[]>(ids.map((id) => [id, []]));
    if (ids.length === 0) return map;
    const rows = await trx.selectFrom('interaction_contacts').selectAll().where('interaction_id', 'in', ids).execute();
    for (const r of rows) map.get(r.interaction_id)!.push(r.contact_id);
    return map;
  }

  /** Newest first, within accounts the actor may read. */
  async list(actor: Actor, f: InteractionListQuery) {
    const pos = decodeCursor(f.cursor, 'timestamp');
    let q = this.db
      .selectFrom('interactions')
      .selectAll('interactions')
      .where((eb) => accountIdScope(actor, eb, 'interactions.account_id'))
      .orderBy('interactions.occurred_at', 'desc')
      .orderBy('interactions.id', 'desc')
      .limit(f.limit + 1);
    if (f.accountId) q = q.where('interactions.account_id', '=', f.accountId);
    if (f.contactId) {
      const contactId = f.contactId;
      q = q.where((eb) =>
        eb('interactions.id', 'in', eb.selectFrom('interaction_contacts').select('interaction_id').where('contact_id', '=', contactId)),
      );
    }
    if (f.type) q = q.where('interactions.type', '=', f.type);
    if (f.from) q = q.where('interactions.occurred_at', '>=', toIso(f.from));
    if (f.to) q = q.where('interactions.occurred_at', '<', toIso(f.to));
    if (f.q) q = q.where(matchesText('interactions.search_text', f.q));
    if (pos) q = q.where((eb) => afterCursor(eb, 'interactions.occurred_at', 'interactions.id', 'desc', pos));
    return toPage(await q.execute(), f.limit, (r) => ({ v: r.occurred_at, id: r.id }));
  }

  async insert(trx: Kysely<DB>, row: Insertable<InteractionsTable>, contactIds: string[]) {
    await trx.insertInto('interactions').values(row).execute();
    await this.setContacts(trx, row.id, contactIds);
  }

  async setContacts(trx: Kysely<DB>, id: string, contactIds: string[]) {
    await trx.deleteFrom('interaction_contacts').where('interaction_id', '=', id).execute();
    const unique = [...new Set(contactIds)];
    if (unique.length) {
      await trx
        .insertInto('interaction_contacts')
        .values(unique.map((c) => ({ interaction_id: id, contact_id: c })))
        .execute();
    }
  }

  async delete(trx: Kysely<DB>, id: string) {
    await trx.deleteFrom('interactions').where('id', '=', id).execute();
  }
}
