import type { Kysely } from 'kysely';
import type { z } from 'zod';
import { MESSAGE_MAX_LENGTH, type Message, type MessageCreateSchema, type MessageListQuery } from '../../../common/schemas/message.js';
import type { Database } from '../../db/database.js';
import type { DB } from '../../db/schema.js';
import type { Clock } from '../../lib/clock.js';
import { AppError, fieldError, notFound } from '../../lib/errors.js';
import { newId } from '../../lib/ids.js';
import { canUseRequests, requestsAccountOf, type Actor, type OwnedAccount } from '../access/index.js';
import type { AccountService } from '../accounts/index.js';
import { recordAudit } from '../audit/index.js';
import type { OutboxService } from '../email/index.js';
import type { ProjectService } from '../projects/index.js';
import type { TimelineLog } from '../timeline/index.js';
import type { ManagerNotice } from './manager-notice.js';
import { excerptOf, presentMessage } from './message.presenter.js';
import { MessageRepository } from './message.repository.js';

type NewMessage = z.output<typeof MessageCreateSchema>;

/** Called in the transaction of each message the agency writes, to tell the client of it. */
export type ReplyListener = (t: Kysely<DB>, message: Message) => Promise<void>;

/** Called in the transaction of each message a client writes, with the account (its managers) it is written to. */
export type ClientMessageListener = (t: Kysely<DB>, message: Message, account: OwnedAccount & { name: string }) => Promise<void>;

/**
 * Requests: a client company's thread with the agency. The client writes to its manager, who is
 * emailed; the agency answers from the account page. Every message is on the account's
 * timeline and in the audit log, written in the transaction that stores it.
 */
export class MessageService {
  private readonly repo: MessageRepository;
  private readonly replyListeners: ReplyListener[] = [];
  private readonly clientListeners: ClientMessageListener[] = [];

  constructor(
    private readonly db: Database,
    private readonly clock: Clock,
    private readonly accounts: AccountService,
    private readonly projects: ProjectService,
    private readonly timeline: TimelineLog,
    private readonly outbox: OutboxService,
    private readonly notice: ManagerNotice,
  ) {
    this.repo = new MessageRepository(db);
  }

  /** Lets another module act on the agency's answers (telling the client), in the answer's transaction. */
  onReply(listener: ReplyListener): void {
    this.replyListeners.push(listener);
  }

  /** Lets another module act on a client's message (telling the managers in the app), in the message's transaction. */
  onClientMessage(listener: ClientMessageListener): void {
    this.clientListeners.push(listener);
  }

  async list(actor: Actor, query: MessageListQuery) {
    const accountId = requestsAccountOf(actor, query.accountId);
    const account = await this.accounts.findOwned(accountId);
    if (!account || !canUseRequests(actor, account)) throw notFound('account');
    if (query.projectId) await this.projects.assertOfAccount(this.db, query.projectId, accountId);
    const page = await this.repo.list({ accountId, projectId: query.projectId, limit: query.limit, cursor: query.cursor });
    return { items: page.items.map(presentMessage), nextCursor: page.nextCursor };
  }

  async create(actor: Actor, input: NewMessage): Promise<Message> {
    if (input.body.length > MESSAGE_MAX_LENGTH) {
      throw new AppError(413, 'message.too_long', { max: MESSAGE_MAX_LENGTH, length: input.body.length });
    }
    const fromClient = actor.role === 'client';
    const { message, emailIds } = await this.db.transaction().execute(async (t) => {
      const accountId = requestsAccountOf(actor, input.accountId);
      const account = await this.accounts.findOwned(accountId, t);
      // A company the actor may not use reads exactly like one that does not exist.
      if (!account || !canUseRequests(actor, account)) throw fieldError('accountId', 'account.no_such_account');
      if (input.projectId) await this.projects.assertOfAccount(t, input.projectId, accountId);
      const id = newId();
      const at = this.clock.now().toISOString();
      const row = { id, account_id: accountId, project_id: input.projectId ?? null, author_id: actor.id, body: input.body, created_at: at };
      await this.repo.insert(t, { ...row, from_client: fromClient ? 1 : 0 });
      const created = presentMessage((await this.repo.find(id, t))!);
      await this.timeline.recordEvent(t, {
        accountId,
        kind: fromClient ? 'request_received' : 'request_answered',
        actorId: actor.id,
        occurredAt: at,
        data: { messageId: id, projectId: created.projectId, name: created.author.name, text: excerptOf(created.body) },
      });
      await recordAudit(t, { actorId: actor.id, recordType: 'client_message', recordId: id, action: 'create', after: created, at });
      const queued = fromClient ? await this.notice.queue(t, account, created) : [];
      if (!fromClient) for (const listener of this.replyListeners) await listener(t, created);
      if (fromClient) for (const listener of this.clientListeners) await listener(t, created, account);
      return { message: created, emailIds: queued };
    });
    // The managers hear of it now rather than at the next delivery round; a failure is retried and shown on the timeline.
    if (emailIds.length) await this.outbox.deliver(emailIds);
    return message;
  }
}
