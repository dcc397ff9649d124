import type { Kysely } from 'kysely';
import type { Language } from '../../../common/enums.js';
import type { ContactInvitation, PortalInvitation } from '../../../common/schemas/access-links.js';
import type { Database } from '../../db/database.js';
import type { DB } from '../../db/schema.js';
import type { Clock } from '../../lib/clock.js';
import { AppError, conflict, notFound } from '../../lib/errors.js';
import { newId } from '../../lib/ids.js';
import { emailedLink, newLinkToken } from '../../lib/links.js';
import { assertCanManageAccount, assertCanReadInternal, canReadAccount, owningAccount, type Actor } from '../access/index.js';
import type { AccountService } from '../accounts/index.js';
import { recordAudit } from '../audit/index.js';
import type { ContactRow, ContactService } from '../contacts/index.js';
import { linkEmail, type OutboxService } from '../email/index.js';
import type { TimelineLog } from '../timeline/index.js';
import type { UserService } from '../users/index.js';
import { contactNameOf, presentInvitation } from './invitation.presenter.js';
import { InvitationRepository } from './invitation.repository.js';

/** An invitation works for 7 days. */
export const INVITATION_TTL_MS = 7 * 24 * 3600_000;

const INVITATION_EMAIL = {
  subject: 'invitation.email_subject',
  greeting: 'invitation.email_greeting',
  intro: 'invitation.email_intro',
  action: 'invitation.email_action',
  validity: 'invitation.email_validity',
} as const;

/**
 * Invitations of a client's contacts to the portal. The account's manager (or an admin) sends
 * one; the contact gets an email in their language with a link that works once, for 7 days,
 * built from PUBLIC_URL. A new invitation ends the contact's earlier ones; turning the
 * contact's portal access off ends them too and signs the contact's client user out for good.
 */
export class InvitationService {
  readonly repo: InvitationRepository;

  constructor(
    private readonly db: Database,
    private readonly clock: Clock,
    private readonly contacts: ContactService,
    private readonly accounts: AccountService,
    private readonly users: UserService,
    private readonly outbox: OutboxService,
    private readonly timeline: TimelineLog,
    private readonly publicUrl: string | undefined,
  ) {
    this.repo = new InvitationRepository(db);
    contacts.onPortalAccessRevoked((t, contact, actorId) => this.withdraw(t, contact, actorId));
  }

  /** Sends the contact a new invitation (ending their earlier ones) and answers it. */
  async invite(actor: Actor, contactId: string): Promise<PortalInvitation> {
    const invitation = await this.db.transaction().execute(async (t) => {
      const contact = await this.contacts.findRow(contactId, t);
      if (!contact || !canReadAccount(actor, owningAccount(contact))) throw notFound('contact');
      assertCanManageAccount(actor, owningAccount(contact));
      if (!contact.email) throw new AppError(422, 'invitation.contact_without_email');
      if (!this.publicUrl) throw conflict('invitation.public_url_missing');
      const holder = await this.users.findByEmail(contact.email, t);
      if (holder && holder.contact_id !== contact.id) throw conflict('invitation.email_in_use', { email: contact.email });
      return this.create(t, actor, contact, contact.email, this.publicUrl);
    });
    // Sent now rather than at the next delivery round; a failure is retried and shown on the timeline.
    await this.outbox.deliver([invitation.email_id]);
    return presentInvitation(invitation, this.clock.now().toISOString());
  }

  /** The contact's latest invitation, for staff who read the contact's account. */
  async latest(actor: Actor, contactId: string): Promise<ContactInvitation> {
    const contact = await this.contacts.findRow(contactId);
    if (!contact) throw notFound('contact');
    assertCanReadInternal(actor, owningAccount(contact), 'contact');
    const row = await this.repo.latestOf(contactId);
    return { invitation: row ? presentInvitation(row, this.clock.now().toISOString()) : null };
  }

  private async create(t: Kysely<DB>, actor: Actor, contact: ContactRow, email: string, publicUrl: string) {
    const account = (await this.accounts.findOwned(contact.account_id, t))!;
    const inviter = await this.users.findById(actor.id, t);
    const language: Language = contact.language ?? account.language;
    const name = contactNameOf(contact);
    const now = this.clock.now();
    const at = now.toISOString();
    const id = newId();
    const { token, hash } = newLinkToken();
    await this.repo.endPending(t, contact.id, 'replaced', at);
    const message = linkEmail(
      INVITATION_EMAIL,
      { name, manager: inviter?.name ?? '', account: account.name },
      emailedLink(publicUrl, '/invitation', token),
      language,
    );
    const emailId = await this.outbox.enqueueOne(t, {
      accountId: contact.account_id,
      purpose: `portal_invitation:${id}`,
      to: email,
      ...message,
      secret: token,
      events: { sent: 'portal_invitation_emailed', failed: 'portal_invitation_email_failed', data: { contactId: contact.id, name } },
    });
    const row = {
      id,
      contact_id: contact.id,
      account_id: contact.account_id,
      email,
      token_hash: hash,
      invited_by: actor.id,
      created_at: at,
      expires_at: new Date(now.getTime() + INVITATION_TTL_MS).toISOString(),
      accepted_at: null,
      user_id: null,
      ended_at: null,
      ended_reason: null,
      email_id: emailId,
    };
    await this.repo.insert(t, row);
    const data = { contactId: contact.id, name, invitationId: id };
    await this.timeline.recordEvent(t, { accountId: contact.account_id, kind: 'portal_invited', actorId: actor.id, occurredAt: at, data });
    await recordAudit(t, {
      actorId: actor.id,
      recordType: 'portal_invitation',
      recordId: id,
      action: 'create',
      after: { name, contactId: contact.id, accountId: contact.account_id, email, expiresAt: row.expires_at },
      at,
    });
    return row;
  }

  /** Portal access turned off: pending invitations end, the contact's client users are deactivated (their sessions end). */
  private async withdraw(t: Kysely<DB>, contact: ContactRow, actorId: string): Promise<void> {
    const at = this.clock.now().toISOString();
    const ended = await this.repo.endPending(t, contact.id, 'withdrawn', at);
    const deactivated = await this.users.credentials.deactivateClientsOf(t, actorId, contact.id);
    for (const id of deactivated) this.users.changed(id);
    await this.timeline.recordEvent(t, {
      accountId: contact.account_id,
      kind: 'portal_access_revoked',
      actorId,
      occurredAt: at,
      data: { contactId: contact.id, name: contactNameOf(contact), invitationsEnded: ended, usersDeactivated: deactivated.length },
    });
  }
}
