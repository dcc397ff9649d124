import type { Insertable, Kysely, Selectable } from 'kysely';
import type { Language } from '../../../common/enums.js';
import type { ClientNotificationKind } from '../../../common/schemas/notification.js';
import type { Database } from '../../db/database.js';
import type { DB } from '../../db/schema.js';
import type { ClientNotificationsTable } from '../../db/tables/client-notifications.js';

export type NotificationRow = Selectable<ClientNotificationsTable>;

/** A contact the notifications may reach, with what they muted and the language they read. */
export interface Recipient {
  contactId: string;
  accountId: string;
  firstName: string;
  email: string | null;
  portalAccess: boolean;
  language: Language;
  muted: ClientNotificationKind[];
  token: string | null;
  lastDigestOn: string | null;
}

/** The tables of client notifications: each contact's settings and the items waiting for their digest. */
export class NotificationRepository {
  constructor(private readonly db: Database) {}

  /** Contacts with their settings (defaults when they have none), in their language or their account's. */
  private recipients(trx: Kysely<DB>) {
    return trx
      .selectFrom('contacts')
      .innerJoin('accounts', 'accounts.id', 'contacts.account_id')
      .leftJoin('contact_notification_settings as s', 's.contact_id', 'contacts.id')
      .select([
        'contacts.id as contactId',
        'contacts.account_id as accountId',
        'contacts.first_name as firstName',
        'contacts.email',
        'contacts.portal_access',
        'contacts.language as contactLanguage',
        'accounts.language as accountLanguage',
        's.muted_kinds',
        's.unsubscribe_token',
        's.last_digest_on',
      ]);
  }

  private static toRecipient(r: {
    contactId: string;
    accountId: string;
    firstName: string;
    email: string | null;
    portal_access: number;
    contactLanguage: Language | null;
    accountLanguage: Language;
    muted_kinds: string | null;
    unsubscribe_token: string | null;
    last_digest_on: string | null;
  }): Recipient {
    const language = r.contactLanguage ?? r.accountLanguage;
    return {
      contactId: r.contactId,
      accountId: r.accountId,
      firstName: r.firstName,
      email: r.email || null,
      portalAccess: r.portal_access === 1,
      language: language === 'ru' ? 'ru' : 'en',
      muted: r.muted_kinds ? (JSON.parse(r.muted_kinds) as ClientNotificationKind[]) : [],
      token: r.unsubscribe_token,
      lastDigestOn: r.last_digest_on,
    };
  }

  async recipient(trx: Kysely<DB>, contactId: string): Promise<Recipient | undefined> {
    const row = await this.recipients(trx).where('contacts.id', '=', contactId).executeTakeFirst();
    return row && NotificationRepository.toRecipient(row);
  }

  /** The account's contacts with portal access and an email address: whom its notifications are for. */
  async portalRecipients(trx: Kysely<DB>, accountId: string): Promise<Recipient[]> {
    const rows = await this.recipients(trx)
      .where('contacts.account_id', '=', accountId)
      .where('contacts.portal_access', '=', 1)
      .where('contacts.email', 'is not', null)
      .where('contacts.email', '<>', '')
      .execute();
    return rows.map((r) => NotificationRepository.toRecipient(r));
  }

  async recipientByToken(trx: Kysely<DB>, token: string): Promise<Recipient | undefined> {
    const row = await this.recipients(trx).where('s.unsubscribe_token', '=', token).executeTakeFirst();
    return row && NotificationRepository.toRecipient(row);
  }

  /** The contact a client user is. */
  async contactOfUser(trx: Kysely<DB>, userId: string): Promise<string | null> {
    const row = await trx.selectFrom('users').select('contact_id').where('id', '=', userId).executeTakeFirst();
    return row?.contact_id ?? null;
  }

  /** Gives the contact their settings row (with its unsubscribe token) unless they have one. */
  async ensureSettings(trx: Kysely<DB>, contactId: string, token: string, now: string): Promise<void> {
    await trx
      .insertInto('contact_notification_settings')
      .values({ contact_id: contactId, muted_kinds: '[]', unsubscribe_token: token, last_digest_on: null, updated_at: now })
      .onConflict((oc) => oc.column('contact_id').doNothing())
      .execute();
  }

  async setMuted(trx: Kysely<DB>, contactId: string, muted: ClientNotificationKind[], now: string): Promise<void> {
    await trx
      .updateTable('contact_notification_settings')
      .set({ muted_kinds: JSON.stringify(muted), updated_at: now })
      .where('contact_id', '=', contactId)
      .execute();
  }

  /**
   * Marks the contact's digest of `day` as taken; false when one was already taken that day
   * (another instance, or an earlier run): the conditional update lets only one through.
   */
  async takeDigestDay(trx: Kysely<DB>, contactId: string, day: string): Promise<boolean> {
    const res = await trx
      .updateTable('contact_notification_settings')
      .set({ last_digest_on: day })
      .where('contact_id', '=', contactId)
      .where((eb) => eb.or([eb('last_digest_on', 'is', null), eb('last_digest_on', '<', day)]))
      .executeTakeFirst();
    return res.numUpdatedRows > 0n;
  }

  async insertItems(trx: Kysely<DB>, rows: Insertable<ClientNotificationsTable>[]): Promise<void> {
    if (rows.length) await trx.insertInto('client_notifications').values(rows).execute();
  }

  /** Contacts (of those given) who already wait to be told about this record. */
  async alreadyWaiting(trx: Kysely<DB>, kind: ClientNotificationKind, subjectId: string, contactIds: string[]): Promise<Set<string>> {
    if (!contactIds.length) return new Set();
    const rows = await trx
      .selectFrom('client_notifications')
      .select('contact_id')
      .where('sent_at', 'is', null)
      .where('kind', '=', kind)
      .where('subject_id', '=', subjectId)
      .where('contact_id', 'in', contactIds)
      .execute();
    return new Set(rows.map((r) => r.contact_id));
  }

  /** Drops waiting items about a record (it no longer waits), for all its contacts or those named. */
  async dropWaiting(trx: Kysely<DB>, subjectId: string, kinds: ClientNotificationKind[], contactIds?: string[]): Promise<void> {
    if (contactIds && !contactIds.length) return;
    let q = trx
      .deleteFrom('client_notifications')
      .where('sent_at', 'is', null)
      .where('subject_id', '=', subjectId)
      .where('kind', 'in', kinds);
    if (contactIds) q = q.where('contact_id', 'in', contactIds);
    await q.execute();
  }

  /** Drops a contact's waiting items of kinds they turned off. */
  async dropMuted(trx: Kysely<DB>, contactId: string, kinds: ClientNotificationKind[]): Promise<void> {
    if (kinds.length)
      await trx
        .deleteFrom('client_notifications')
        .where('sent_at', 'is', null)
        .where('contact_id', '=', contactId)
        .where('kind', 'in', kinds)
        .execute();
  }

  /**
   * Contacts whose oldest waiting item is at least as old as `settledBefore` (its burst is
   * over), and no newer than `notBefore` when given, who have had no digest on `day` yet.
   */
  async dueContacts(q: { settledBefore: string; notBefore: string | null; day: string; limit: number }): Promise<string[]> {
    const rows = await this.db
      .selectFrom('client_notifications as n')
      .innerJoin('contact_notification_settings as s', 's.contact_id', 'n.contact_id')
      .select('n.contact_id')
      .where('n.sent_at', 'is', null)
      .where((eb) => eb.or([eb('s.last_digest_on', 'is', null), eb('s.last_digest_on', '<', q.day)]))
      .groupBy('n.contact_id')
      .having((eb) =>
        eb.and([
          eb(eb.fn.min('n.created_at'), '<=', q.settledBefore),
          ...(q.notBefore ? [eb(eb.fn.min('n.created_at'), '>=', q.notBefore)] : []),
        ]),
      )
      .limit(q.limit)
      .execute();
    return rows.map((r) => r.contact_id);
  }

  waitingOf(trx: Kysely<DB>, contactId: string): Promise<NotificationRow[]> {
    return trx
      .selectFrom('client_notifications')
      .selectAll()
      .where('sent_at', 'is', null)
      .where('contact_id', '=', contactId)
      .orderBy('created_at')
      .orderBy('id')
      .execute();
  }

  async markSent(trx: Kysely<DB>, ids: string[], emailId: string | null, now: string): Promise<void> {
    if (ids.length) await trx.updateTable('client_notifications').set({ email_id: emailId, sent_at: now }).where('id', 'in', ids).execute();
  }
}
