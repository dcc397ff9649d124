import type { Insertable, Kysely } from 'kysely';
import type { ContractRenewal, Language } from '../../../common/enums.js';
import type { Database } from '../../db/database.js';
import type { DB } from '../../db/schema.js';
import type { ContractRemindersTable } from '../../db/tables/documents.js';
import { CONTRACT_IN_FORCE } from './document.repository.js';

/** A contract in force that ends soon, with its account's owner and the reminders it already had. */
export interface EndingContract {
  id: string;
  number: string | null;
  account_id: string;
  account_name: string;
  period_to: string;
  renewal: ContractRenewal | null;
  owner_name: string | null;
  owner_email: string | null;
  owner_language: Language | null;
  reminded: number[];
}

/** Contracts' renewal reminders: which contracts end soon, and the reminders each has had (one row per contract and days before). */
export class ContractReminderRepository {
  constructor(private readonly db: Database) {}

  /** Sent or signed contracts ending from `from` to `to`, not renewed or replaced by another in force. */
  async ending(from: string, to: string): Promise<EndingContract[]> {
    const rows = await this.db
      .selectFrom('documents')
      .innerJoin('accounts', 'accounts.id', 'documents.account_id')
      .leftJoin('users', 'users.id', 'accounts.owner_id')
      .select([
        'documents.id',
        'documents.number',
        'documents.account_id',
        'accounts.name as account_name',
        'documents.period_to',
        'documents.renewal',
        'users.name as owner_name',
        'users.email as owner_email',
        'users.language as owner_language',
      ])
      .where('documents.kind', '=', 'contract')
      .where('documents.status', 'in', CONTRACT_IN_FORCE)
      .where('documents.period_to', '>=', from)
      .where('documents.period_to', '<=', to)
      .where((eb) =>
        eb.not(
          eb.exists(
            eb
              .selectFrom('documents as renewal')
              .select('renewal.id')
              .whereRef('renewal.renews_id', '=', 'documents.id')
              .where('renewal.status', 'in', CONTRACT_IN_FORCE),
          ),
        ),
      )
      .orderBy('documents.period_to')
      .orderBy('documents.id')
      .execute();
    const reminded = new Map<string, number[]>(rows.map((r) => [r.id, []]));
    if (rows.length) {
      const had = await this.db
        .selectFrom('contract_reminders')
        .select(['document_id', 'days_before'])
        .where(
          'document_id',
          'in',
          rows.map((r) => r.id),
        )
        .execute();
      for (const h of had) reminded.get(h.document_id)!.push(Number(h.days_before));
    }
    return rows.map((r) => ({ ...r, period_to: r.period_to!, reminded: reminded.get(r.id)! }));
  }

  /** Records the reminders; answers the days of those that were new (a runner that lost the race gets none). */
  async record(trx: Kysely<DB>, rows: Insertable<ContractRemindersTable>[]): Promise<number[]> {
    if (!rows.length) return [];
    const inserted = await trx
      .insertInto('contract_reminders')
      .values(rows)
      .onConflict((oc) => oc.columns(['document_id', 'days_before']).doNothing())
      .returning('days_before')
      .execute();
    return inserted.map((r) => Number(r.days_before));
  }

  async attachEmail(trx: Kysely<DB>, documentId: string, days: number, emailId: string): Promise<void> {
    await trx
      .updateTable('contract_reminders')
      .set({ email_id: emailId })
      .where('document_id', '=', documentId)
      .where('days_before', '=', days)
      .execute();
  }
}
