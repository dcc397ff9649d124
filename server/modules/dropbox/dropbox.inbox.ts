import type { z } from 'zod';
import type { InboundEmail, UnmatchedPage, UnmatchedQuerySchema } from '../../../common/schemas/dropbox.js';
import type { Database } from '../../db/database.js';
import type { Clock } from '../../lib/clock.js';
import { conflict, forbidden, notFound } from '../../lib/errors.js';
import { assertCanReadInternal, managesAccounts, type Actor } from '../access/index.js';
import type { AccountService } from '../accounts/index.js';
import { recordAudit } from '../audit/index.js';
import type { InteractionService } from '../interactions/index.js';
import { presentInboundEmail } from './dropbox.presenter.js';
import type { DropboxRepository, InboundEmailRow } from './dropbox.repository.js';
import type { InboundMail } from './mail.inbound.js';

type UnmatchedQuery = z.output<typeof UnmatchedQuerySchema>;

/**
 * Reading kept mail and working the unmatched inbox. A logged message is read by whoever reads
 * its account's internal records; an unmatched one by the manager whose dropbox it came to, and
 * by admins (who see everyone's).
 */
export class DropboxInbox {
  constructor(
    private readonly db: Database,
    private readonly clock: Clock,
    private readonly repo: DropboxRepository,
    private readonly inbound: InboundMail,
    private readonly accounts: AccountService,
    private readonly interactions: InteractionService,
  ) {}

  async unmatched(actor: Actor, query: UnmatchedQuery): Promise<UnmatchedPage> {
    if (!managesAccounts(actor)) throw forbidden('access.dropbox_managers_only');
    const page = await this.repo.unmatched({ ownerId: actor.role === 'admin' ? undefined : actor.id, ...query });
    const files = await this.repo.attachmentsOf(page.items.map((r) => r.id));
    return { items: page.items.map((r) => presentInboundEmail(r, files)), nextCursor: page.nextCursor };
  }

  async get(actor: Actor, id: string): Promise<InboundEmail> {
    const row = await this.readable(actor, await this.repo.findEmail(id));
    return presentInboundEmail(row, await this.repo.attachmentsOf([row.id]));
  }

  /** The message an email interaction was logged from (404 when it was typed in by hand). */
  async ofInteraction(actor: Actor, interactionId: string): Promise<InboundEmail> {
    await this.interactions.get(actor, interactionId); // 404 unless the actor reads it
    const row = await this.repo.findByInteraction(interactionId);
    if (!row) throw notFound('email');
    return presentInboundEmail(row, await this.repo.attachmentsOf([row.id]));
  }

  async attachment(actor: Actor, emailId: string, attachmentId: string) {
    await this.readable(actor, await this.repo.findEmail(emailId));
    const file = await this.repo.attachment(emailId, attachmentId);
    if (!file) throw notFound('record');
    return { filename: file.filename, contentType: file.content_type, bytes: Buffer.from(file.content) };
  }

  /** Logs an unmatched message on an account the actor manages, with the account's contacts among its people. */
  async file(actor: Actor, id: string, accountId: string): Promise<InboundEmail> {
    await this.db.transaction().execute(async (t) => {
      const row = this.unmatchedOf(actor, await this.repo.findEmail(id, t));
      const contactIds = await this.inbound.contactsOn(t, row, accountId);
      await this.inbound.logOn(t, actor, row, accountId, contactIds);
    });
    return this.get(actor, id);
  }

  async discard(actor: Actor, id: string): Promise<void> {
    await this.db.transaction().execute(async (t) => {
      const row = this.unmatchedOf(actor, await this.repo.findEmail(id, t));
      if (!(await this.repo.discard(t, id))) throw conflict('dropbox.not_unmatched');
      await recordAudit(t, {
        actorId: actor.id,
        recordType: 'inbound_email',
        recordId: id,
        action: 'delete',
        before: { title: row.subject, from: row.from_address },
        at: this.clock.now().toISOString(),
      });
    });
  }

  /** An unmatched message the actor may work on (404 for others' and for what is gone, 409 once filed). */
  private unmatchedOf(actor: Actor, row: InboundEmailRow | undefined): InboundEmailRow {
    if (!row || row.status === 'discarded' || !managesAccounts(actor)) throw notFound('email');
    if (row.status === 'logged') {
      if (actor.role !== 'admin' && row.owner_id !== actor.id) throw notFound('email');
      throw conflict('dropbox.not_unmatched');
    }
    if (actor.role !== 'admin' && row.owner_id !== actor.id) throw notFound('email');
    return row;
  }

  private async readable(actor: Actor, row: InboundEmailRow | undefined): Promise<InboundEmailRow> {
    if (!row || row.status === 'discarded') throw notFound('email');
    if (row.status === 'unmatched') return this.unmatchedOf(actor, row);
    const account = await this.accounts.findOwned(row.account_id!);
    if (!account) throw notFound('email');
    assertCanReadInternal(actor, account, 'email');
    return row;
  }
}
