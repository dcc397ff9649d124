import type { Kysely } from 'kysely';
import type { ReportRecipient } from '../../../common/schemas/status-report.js';
import type { z } from 'zod';
import type { Contact, ContactCreateSchema, ContactListQuery, ContactUpdateSchema } from '../../../common/schemas/contact.js';
import type { Database } from '../../db/database.js';
import type { DB } from '../../db/schema.js';
import type { Clock } from '../../lib/clock.js';
import { fieldError, notFound } from '../../lib/errors.js';
import { newId } from '../../lib/ids.js';
import { foldText, searchText } from '../../lib/text.js';
import { assertCanAddToAccount, assertCanManageAccount, canReadAccount, owningAccount, type Actor } from '../access/index.js';
import type { AccountService } from '../accounts/index.js';
import { recordAudit, updateVersioned } from '../audit/index.js';
import type { TimelineLog } from '../timeline/index.js';
import { presentContact, type ContactRow } from './contact.presenter.js';
import { ContactRepository } from './contact.repository.js';

/** Told, in the transaction, that a contact's portal access was turned off (their client users lose it at once). */
export type PortalAccessListener = (trx: Kysely<DB>, contact: ContactRow, actorId: string) => Promise<void>;

type NewContact = z.output<typeof ContactCreateSchema>;
type ContactChanges = z.output<typeof ContactUpdateSchema>;

export const derived = (
  first: string,
  last: string | null | undefined,
  email: string | null | undefined,
  phone: string | null | undefined,
  position: string | null | undefined,
) => ({
  sort_name: foldText(`${first} ${last ?? ''}`.trim()),
  search_text: searchText(first, last, email, phone, position),
});

/** People at client companies; they belong to an account and follow its access rules. */
export class ContactService {
  private readonly repo: ContactRepository;
  private readonly portalAccessListeners: PortalAccessListener[] = [];

  constructor(
    private readonly db: Database,
    private readonly clock: Clock,
    private readonly accounts: AccountService,
    private readonly timeline: TimelineLog,
  ) {
    this.repo = new ContactRepository(db);
  }

  /** Registers a listener told when a contact's portal access is turned off (the portal module withdraws their sign-in). */
  onPortalAccessRevoked(listener: PortalAccessListener): void {
    this.portalAccessListeners.push(listener);
  }

  async list(actor: Actor, query: ContactListQuery) {
    const page = await this.repo.list(actor, query);
    return { items: page.items.map((r) => presentContact(r, actor)), nextCursor: page.nextCursor };
  }

  async get(actor: Actor, id: string): Promise<Contact> {
    const row = await this.repo.findById(id);
    if (!row || !canReadAccount(actor, owningAccount(row))) throw notFound('contact');
    return presentContact(row, actor);
  }

  async create(actor: Actor, input: NewContact): Promise<Contact> {
    return this.db.transaction().execute(async (t) => {
      const account = await this.accounts.findOwned(input.accountId, t);
      assertCanAddToAccount(actor, account);
      const now = this.clock.now().toISOString();
      const row = await this.repo.insert(t, {
        id: newId(),
        account_id: input.accountId,
        first_name: input.firstName,
        last_name: input.lastName ?? null,
        email: input.email ?? null,
        phone: input.phone ?? null,
        position: input.position ?? null,
        decision_role: input.decisionRole ?? null,
        portal_access: input.portalAccess ? 1 : 0,
        receives_reports: input.receivesReports ? 1 : 0,
        language: input.language ?? null,
        ...derived(input.firstName, input.lastName, input.email, input.phone, input.position),
        created_at: now,
        updated_at: now,
      });
      const contact = presentContact(row, actor);
      const name = `${row.first_name} ${row.last_name ?? ''}`.trim();
      await this.timeline.recordEvent(t, {
        accountId: row.account_id,
        kind: 'contact_added',
        actorId: actor.id,
        occurredAt: now,
        data: { contactId: row.id, name },
      });
      await recordAudit(t, { actorId: actor.id, recordType: 'contact', recordId: row.id, action: 'create', after: contact, at: now });
      return contact;
    });
  }

  async update(actor: Actor, id: string, changes: ContactChanges, expected?: number): Promise<Contact> {
    return this.db.transaction().execute(async (t) => {
      const row = await this.loadForWrite(t, actor, id);
      // A clearable field's new value when the change names it (null clears it), else the stored one.
      const pick = (k: 'lastName' | 'email' | 'phone' | 'position', current: string | null) => {
        const next = changes[k];
        return next !== undefined ? next : current;
      };
      const now = this.clock.now().toISOString();
      const updated = await updateVersioned(t, {
        table: 'contacts',
        id,
        version: expected ?? row.version,
        set: {
          first_name: changes.firstName,
          last_name: changes.lastName,
          email: changes.email,
          phone: changes.phone,
          position: changes.position,
          decision_role: changes.decisionRole,
          portal_access: changes.portalAccess === undefined ? undefined : changes.portalAccess ? 1 : 0,
          receives_reports: changes.receivesReports === undefined ? undefined : changes.receivesReports ? 1 : 0,
          language: changes.language,
          ...derived(
            changes.firstName ?? row.first_name,
            pick('lastName', row.last_name),
            pick('email', row.email),
            pick('phone', row.phone),
            pick('position', row.position),
          ),
          updated_at: now,
        },
        audit: { actorId: actor.id, recordType: 'contact', before: presentContact(row, actor), at: now },
        after: async () => presentContact((await this.repo.findById(id, t))!, actor),
      });
      if (row.portal_access === 1 && changes.portalAccess === false) {
        for (const listener of this.portalAccessListeners) await listener(t, row, actor.id);
      }
      return updated;
    });
  }

  /** The contact with its account's name and ownership, for rules the caller applies; no access check. */
  findRow(id: string, trx?: Kysely<DB>): Promise<ContactRow | undefined> {
    return this.repo.findById(id, trx);
  }

  /** Turns the contact's portal access on in the caller's transaction (an accepted invitation), audited as `actorId`'s change. */
  async grantPortalAccess(trx: Kysely<DB>, row: ContactRow, actorId: string): Promise<void> {
    if (row.portal_access === 1) return;
    const now = this.clock.now().toISOString();
    const before = { portalAccess: false, firstName: row.first_name, lastName: row.last_name, accountId: row.account_id };
    await updateVersioned(trx, {
      table: 'contacts',
      id: row.id,
      version: row.version,
      set: { portal_access: 1, updated_at: now },
      audit: { actorId, recordType: 'contact', before, at: now },
      after: async () => ({ ...before, portalAccess: true }),
    });
  }

  /** Of each account, the contacts who receive status reports and have an address, each with the language they read. */
  reportRecipients(trx: Kysely<DB>, accountIds: string[]): Promise<Map<string, ReportRecipient[]>> {
    return this.repo.reportRecipients(trx, accountIds);
  }

  /** The company of a contact, for linking a client user to it. */
  async linkOf(trx: Kysely<DB>, contactId: string): Promise<{ contactId: string; accountId: string } | undefined> {
    const row = await this.repo.findById(contactId, trx);
    return row ? { contactId: row.id, accountId: row.account_id } : undefined;
  }

  /** Contacts whose email address is among `addresses` (lower case), for matching mail to accounts. */
  withAddresses(trx: Kysely<DB>, addresses: string[]): Promise<{ id: string; account_id: string; email: string | null }[]> {
    return this.repo.withAddresses(trx, [...new Set(addresses)]);
  }

  /** Where to write to the client's people who use the portal (their email addresses). */
  portalAddresses(trx: Kysely<DB>, accountId: string): Promise<string[]> {
    return this.repo.portalAddresses(trx, accountId);
  }

  /** Every contact in `contactIds` must belong to the account (400 on `field` otherwise). */
  async assertBelongTo(trx: Kysely<DB>, accountId: string, contactIds: string[], field = 'contactIds'): Promise<void> {
    const unique = [...new Set(contactIds)];
    if (unique.length === 0) return;
    if ((await this.repo.countOfAccount(trx, accountId, unique)) !== unique.length) {
      throw fieldError(field, 'contact.not_of_account');
    }
  }

  /**
   * Email addresses of contacts chosen as recipients: each must be a contact of the account
   * with an address (400 on `field` naming the problem otherwise).
   */
  async recipientAddresses(trx: Kysely<DB>, accountId: string, contactIds: string[], field = 'contactIds'): Promise<string[]> {
    const unique = [...new Set(contactIds)];
    const rows = await this.repo.recipients(trx, accountId, unique);
    if (rows.length !== unique.length) throw fieldError(field, 'document.recipient_not_contact');
    const missing = rows.find((r) => !r.email);
    if (missing)
      throw fieldError(field, 'document.recipient_no_email', { name: [missing.first_name, missing.last_name].filter(Boolean).join(' ') });
    return unique.map((id) => rows.find((r) => r.id === id)!.email!);
  }

  async remove(actor: Actor, id: string): Promise<void> {
    await this.db.transaction().execute(async (t) => {
      const row = await this.loadForWrite(t, actor, id);
      await this.repo.delete(t, id);
      await recordAudit(t, {
        actorId: actor.id,
        recordType: 'contact',
        recordId: id,
        action: 'delete',
        before: presentContact(row, actor),
        at: this.clock.now().toISOString(),
      });
    });
  }

  private async loadForWrite(t: Kysely<DB>, actor: Actor, id: string) {
    const row = await this.repo.findById(id, t);
    if (!row) throw notFound('contact');
    const account = owningAccount(row);
    if (!canReadAccount(actor, account)) throw notFound('contact');
    assertCanManageAccount(actor, account);
    return row;
  }
}
