import type { Kysely } from 'kysely';
import { renderMessage } from '../../../common/messages/index.js';
import type { Database } from '../../db/database.js';
import type { DB } from '../../db/schema.js';
import type { Clock } from '../../lib/clock.js';
import { conflict } from '../../lib/errors.js';
import { newId } from '../../lib/ids.js';
import { canManageAccount, managesAccounts, type Actor, type OwnedAccount } from '../access/index.js';
import type { AccountService } from '../accounts/index.js';
import type { ContactService } from '../contacts/index.js';
import type { InteractionService } from '../interactions/index.js';
import type { UserRow, UserService } from '../users/index.js';
import type { AddressOwner, DropboxAddresses } from './dropbox.addresses.js';
import type { DropboxRepository, InboundEmailRow } from './dropbox.repository.js';
import { withoutForwardPrefix } from './mail.forward.js';
import type { ParsedMessage } from './mail.parse.js';

/** The most an interaction's summary holds; the whole text stays with the message. */
const SUMMARY_MAX = 2000;

export type Received = { status: 'logged' | 'unmatched'; id: string } | { status: 'duplicate' };

const actorOf = (u: UserRow): Actor => ({ id: u.id, role: u.role, accountId: u.account_id, language: u.language });

/**
 * Mail arriving at dropbox addresses: kept once per Message-ID, logged as an email interaction
 * on the account it is about, or left unmatched for its owner to file by hand.
 */
export class InboundMail {
  constructor(
    private readonly db: Database,
    private readonly clock: Clock,
    private readonly repo: DropboxRepository,
    private readonly addresses: DropboxAddresses,
    private readonly accounts: AccountService,
    private readonly contacts: ContactService,
    private readonly users: UserService,
    private readonly interactions: InteractionService,
  ) {}

  /** Whether the listener takes mail for this recipient (our domain and a known token). */
  async accepts(address: string): Promise<boolean> {
    return (await this.addresses.resolve(address)) !== null;
  }

  /** Keeps a message delivered to `envelopeTo`, in one transaction. */
  async receive(mail: ParsedMessage, envelopeTo: string[]): Promise<Received> {
    return this.db.transaction().execute(async (t) => {
      const owners = await this.addresses.resolveAll(t, envelopeTo);
      const sender = await this.staffSender(t, mail.from.address);
      const original = sender ? await this.forwardedByStaff(t, mail) : null;
      // A client's mail forwarded by staff is the client's: matched on them, kept as mail in.
      const about = original ? { ...mail, from: original, subject: withoutForwardPrefix(mail.subject) } : mail;
      const outgoing = sender !== null && !original;
      const match = await this.accountOf(t, about, owners, outgoing);
      const logger = await this.loggerOf(t, owners, sender, match?.account ?? null);
      const id = newId();
      const now = this.clock.now().toISOString();
      const logged = match && logger && canManageAccount(logger, match.account);
      const inserted = await this.repo.insertEmail(t, {
        id,
        message_id: mail.messageId,
        owner_id: owners.find((o) => o.userId)?.userId ?? logger?.id ?? match?.account.owner_id ?? null,
        status: 'unmatched',
        account_id: null,
        interaction_id: null,
        direction: outgoing ? 'out' : 'in',
        from_address: about.from.address,
        from_name: about.from.name,
        recipients: JSON.stringify(mail.recipients),
        subject: about.subject,
        text: mail.text,
        sent_at: (mail.sentAt ?? this.clock.now()).toISOString(),
        received_at: now,
      });
      if (!inserted) return { status: 'duplicate' };
      await this.repo.insertAttachments(
        t,
        id,
        mail.attachments.map((a) => ({ id: newId(), ...a })),
      );
      if (!logged) return { status: 'unmatched', id };
      await this.logOn(t, logger, (await this.repo.findEmail(id, t))!, match.account.id, match.contactIds);
      return { status: 'logged', id };
    });
  }

  /** Logs a kept message as an email interaction on the account, by `actor` (who must manage it). */
  async logOn(t: Kysely<DB>, actor: Actor, row: InboundEmailRow, accountId: string, contactIds: string[]): Promise<string> {
    const interaction = await this.interactions.createIn(t, actor, {
      accountId,
      type: 'email',
      occurredAt: row.sent_at,
      summary: summaryOf(row.subject || renderMessage('dropbox.no_subject', {}, actor.language), row.text),
      contactIds,
    });
    // Filed or discarded meanwhile by someone else: this filing is rolled back.
    if (!(await this.repo.markLogged(t, row.id, accountId, interaction.id))) throw conflict('dropbox.not_unmatched');
    return interaction.id;
  }

  /** The account's contacts among a message's sender and recipients, for filing it there by hand. */
  async contactsOn(t: Kysely<DB>, row: InboundEmailRow, accountId: string): Promise<string[]> {
    const found = await this.contacts.withAddresses(
      t,
      this.outsideAddresses([row.from_address, ...(JSON.parse(row.recipients) as string[])]),
    );
    return found.filter((c) => c.account_id === accountId).map((c) => c.id);
  }

  /** A staff member who sent the mail themselves (the direction is then `out`). */
  private async staffSender(t: Kysely<DB>, address: string): Promise<UserRow | null> {
    if (!address) return null;
    const user = await this.users.findByEmail(address, t);
    return user && user.active === 1 && user.role !== 'client' ? user : null;
  }

  /** The original sender of a forward, unless they are staff too (then the forward is staff's own mail). */
  private async forwardedByStaff(t: Kysely<DB>, mail: ParsedMessage): Promise<ParsedMessage['from'] | null> {
    const original = mail.forwardedFrom;
    if (!original || this.addresses.isOurs(original.address) || (await this.staffSender(t, original.address))) return null;
    return original;
  }

  /**
   * The account the mail is about: the account whose dropbox address it was sent to, else the
   * account of the first contact among the sender (mail in) or the recipients (mail out).
   */
  private async accountOf(
    t: Kysely<DB>,
    mail: ParsedMessage,
    owners: AddressOwner[],
    fromStaff: boolean,
  ): Promise<{ account: OwnedAccount; contactIds: string[] } | null> {
    const people = this.outsideAddresses(fromStaff ? mail.recipients : [mail.from.address, ...mail.recipients]);
    const found = await this.contacts.withAddresses(t, people);
    const accountId =
      owners.find((o) => o.accountId)?.accountId ??
      people.map((a) => found.find((c) => c.email?.toLowerCase() === a)?.account_id).find((id) => id !== undefined);
    if (!accountId) return null;
    const account = await this.accounts.findOwned(accountId, t);
    if (!account) return null;
    return { account, contactIds: found.filter((c) => c.account_id === accountId).map((c) => c.id) };
  }

  /**
   * Who logs the mail: the staff member who sent it, else the manager whose address it came to,
   * else (an account's address only) the account's manager or backup.
   */
  private async loggerOf(
    t: Kysely<DB>,
    owners: AddressOwner[],
    sender: UserRow | null,
    account: OwnedAccount | null,
  ): Promise<Actor | null> {
    if (sender && managesAccounts(actorOf(sender))) return actorOf(sender);
    const candidates = [...owners.map((o) => o.userId), account?.owner_id, account?.backup_owner_id].filter((id): id is string => !!id);
    for (const id of candidates) {
      const user = await this.users.findById(id, t);
      if (user?.active === 1 && managesAccounts(actorOf(user))) return actorOf(user);
    }
    return null;
  }

  private outsideAddresses(addresses: string[]): string[] {
    return [...new Set(addresses.map((a) => a.toLowerCase()).filter((a) => a && !this.addresses.isOurs(a)))];
  }
}

function summaryOf(subject: string, text: string): string {
  const whole = text ? `${subject}\n\n${text}` : subject;
  return whole.length > SUMMARY_MAX ? `${whole.slice(0, SUMMARY_MAX - 1)}…` : whole;
}
