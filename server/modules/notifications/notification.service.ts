import { randomBytes } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { MessageParams } from '../../../common/messages/index.js';
import {
  CLIENT_NOTIFICATION_KINDS,
  type ClientNotificationKind,
  type NotificationKinds,
  type NotificationPreferences,
  type NotificationPreferencesUpdate,
  type Unsubscribed,
} from '../../../common/schemas/notification.js';
import type { Database } from '../../db/database.js';
import type { DB } from '../../db/schema.js';
import type { Clock } from '../../lib/clock.js';
import { AppError, forbidden, notFound } from '../../lib/errors.js';
import { newId } from '../../lib/ids.js';
import { assertCanManageAccount, assertPortalUser, assertStaff, canReadAccount, owningAccount, type Actor } from '../access/index.js';
import { recordAudit } from '../audit/index.js';
import type { ContactService } from '../contacts/index.js';
import { NotificationRepository, type Recipient } from './notification.repository.js';

/** Something that now awaits a client company's people in the portal. */
export interface ClientNotice {
  accountId: string;
  kind: ClientNotificationKind;
  /** The record it is about; a second notice of it while the first still waits is not repeated. */
  subjectId: string;
  /** Where it is in the portal, from the app's root: `/portal/...`. */
  path: string;
  /** The words' parameters (see `notification.item.<kind>` in the message catalogue). */
  params: MessageParams;
  /** Only these contacts of the account (the one a reply is for); all its portal contacts otherwise. */
  contactIds?: string[];
  /** Addresses the same action already emails about it (a document sent to them): not told twice. */
  except?: string[];
}

/** The notifications to clients: who is told what, their choices, and unsubscribing. */
export class NotificationService {
  readonly repo: NotificationRepository;

  constructor(
    private readonly db: Database,
    private readonly clock: Clock,
    private readonly contacts: ContactService,
  ) {
    this.repo = new NotificationRepository(db);
  }

  /**
   * Queues a notice for each portal contact of the account who receives its kind, in the
   * caller's transaction (so it stands or falls with the change it tells of). The digest job
   * sends it. Answers the contacts it was queued for.
   */
  async notifyClients(notice: ClientNotice, trx: Kysely<DB> = this.db): Promise<string[]> {
    const except = new Set((notice.except ?? []).map((a) => a.trim().toLowerCase()));
    const targets = (await this.repo.portalRecipients(trx, notice.accountId)).filter(
      (r) =>
        !r.muted.includes(notice.kind) &&
        !except.has(r.email!.toLowerCase()) &&
        (!notice.contactIds || notice.contactIds.includes(r.contactId)),
    );
    const waiting = await this.repo.alreadyWaiting(
      trx,
      notice.kind,
      notice.subjectId,
      targets.map((r) => r.contactId),
    );
    const fresh = targets.filter((r) => !waiting.has(r.contactId));
    const now = this.clock.now().toISOString();
    for (const r of fresh) await this.ensureSettings(trx, r);
    await this.repo.insertItems(
      trx,
      fresh.map((r) => ({
        id: newId(),
        account_id: notice.accountId,
        contact_id: r.contactId,
        kind: notice.kind,
        subject_id: notice.subjectId,
        path: notice.path,
        params: JSON.stringify(shortened(notice.params)),
        created_at: now,
        email_id: null,
        sent_at: null,
      })),
    );
    return fresh.map((r) => r.contactId);
  }

  /**
   * A record no longer awaits the client (approved, signed, cancelled), or its contacts at
   * `addresses` were just emailed about it directly: its waiting notices are dropped.
   */
  async withdraw(trx: Kysely<DB>, w: { accountId: string; subjectId: string; kinds: ClientNotificationKind[]; addresses?: string[] }) {
    let contactIds: string[] | undefined;
    if (w.addresses) {
      const emailed = new Set(w.addresses.map((a) => a.trim().toLowerCase()));
      contactIds = (await this.repo.portalRecipients(trx, w.accountId))
        .filter((r) => emailed.has(r.email!.toLowerCase()))
        .map((r) => r.contactId);
    }
    await this.repo.dropWaiting(trx, w.subjectId, w.kinds, contactIds);
  }

  /** A contact's choices, for staff who read the contact's account. */
  async preferencesOf(actor: Actor, contactId: string): Promise<NotificationPreferences> {
    assertStaff(actor);
    const contact = await this.contacts.findRow(contactId);
    if (!contact || !canReadAccount(actor, owningAccount(contact))) throw notFound('contact');
    return present((await this.repo.recipient(this.db, contactId))!);
  }

  /** The account's manager (or an admin) changes a contact's choices. */
  async updatePreferencesOf(actor: Actor, contactId: string, update: NotificationPreferencesUpdate): Promise<NotificationPreferences> {
    assertStaff(actor);
    const contact = await this.contacts.findRow(contactId);
    if (!contact) throw notFound('contact');
    assertCanManageAccount(actor, owningAccount(contact));
    return this.change(actor, contactId, update);
  }

  /** The signed-in client's own choices. */
  async myPreferences(actor: Actor): Promise<NotificationPreferences> {
    return present((await this.repo.recipient(this.db, await this.ownContact(actor)))!);
  }

  async updateMyPreferences(actor: Actor, update: NotificationPreferencesUpdate): Promise<NotificationPreferences> {
    return this.change(actor, await this.ownContact(actor), update);
  }

  /** What the unsubscribe page shows about a link, without changing anything. */
  async unsubscribeTarget(token: string): Promise<Unsubscribed> {
    const r = await this.repo.recipientByToken(this.db, token);
    if (!r) throw unknownLink();
    return { language: r.language, firstName: r.firstName };
  }

  /** One click, no sign-in: the contact of the link receives no more notifications (until they choose some again). */
  async unsubscribe(token: string): Promise<Unsubscribed> {
    return this.db.transaction().execute(async (t) => {
      const r = await this.repo.recipientByToken(t, token);
      if (!r) throw unknownLink();
      const off = Object.fromEntries(CLIENT_NOTIFICATION_KINDS.map((k) => [k, false])) as NotificationKinds;
      await this.write(t, null, r, off);
      return { language: r.language, firstName: r.firstName };
    });
  }

  private async ownContact(actor: Actor): Promise<string> {
    assertPortalUser(actor);
    const contactId = await this.repo.contactOfUser(this.db, actor.id);
    const contact = contactId ? await this.contacts.findRow(contactId) : undefined;
    if (!contact || contact.account_id !== actor.accountId) throw forbidden('notification.client_without_contact');
    return contact.id;
  }

  private async change(actor: Actor, contactId: string, update: NotificationPreferencesUpdate): Promise<NotificationPreferences> {
    return this.db.transaction().execute(async (t) => {
      const r = (await this.repo.recipient(t, contactId))!;
      const kinds = { ...kindsOf(r.muted), ...update.kinds };
      return this.write(t, actor.id, r, kinds);
    });
  }

  /** Stores the choices with their audit entry; items of kinds now off are no longer sent. */
  private async write(t: Kysely<DB>, actorId: string | null, r: Recipient, kinds: NotificationKinds): Promise<NotificationPreferences> {
    const now = this.clock.now().toISOString();
    await this.ensureSettings(t, r);
    const muted = CLIENT_NOTIFICATION_KINDS.filter((k) => !kinds[k]);
    await this.repo.setMuted(t, r.contactId, muted, now);
    await this.repo.dropMuted(t, r.contactId, muted);
    const label = { firstName: r.firstName, accountId: r.accountId };
    await recordAudit(t, {
      actorId,
      recordType: 'notification_preferences',
      recordId: r.contactId,
      action: 'update',
      before: { ...label, ...kindsOf(r.muted) },
      after: { ...label, ...kinds },
      at: now,
    });
    return present({ ...r, muted });
  }

  /** A contact's settings row, with the random token of their unsubscribe link. */
  async ensureSettings(t: Kysely<DB>, r: Recipient): Promise<void> {
    if (!r.token) await this.repo.ensureSettings(t, r.contactId, randomBytes(24).toString('base64url'), this.clock.now().toISOString());
  }
}

/** Longest text of a notice's words (a requirement, a reply): an email line, not the whole thing. */
const MAX_PARAM = 140;
const shortened = (params: MessageParams): MessageParams =>
  Object.fromEntries(
    Object.entries(params).map(([k, v]) => [
      k,
      typeof v === 'string' && v.length > MAX_PARAM ? `${v.slice(0, MAX_PARAM - 1).trimEnd()}…` : v,
    ]),
  );

/** A forged, mistyped or forgotten unsubscribe link. */
const unknownLink = () => new AppError(404, 'notification.unsubscribe_unknown');

const kindsOf = (muted: readonly ClientNotificationKind[]) =>
  Object.fromEntries(CLIENT_NOTIFICATION_KINDS.map((k) => [k, !muted.includes(k)])) as NotificationKinds;

const present = (r: Recipient): NotificationPreferences => ({
  contactId: r.contactId,
  kinds: kindsOf(r.muted),
  reachable: r.portalAccess && r.email !== null,
});
