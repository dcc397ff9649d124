import type { Kysely } from 'kysely';
import { ACCOUNT_OWNER_ROLES } from '../../../common/enums.js';
import { renderMessage, type MessageCode } from '../../../common/messages/index.js';
import type { Message } from '../../../common/schemas/message.js';
import type { DB } from '../../db/schema.js';
import type { OwnedAccount } from '../access/index.js';
import { emailWithLink, textToHtml, type OutboxService } from '../email/index.js';
import type { UserRow, UserService } from '../users/index.js';

/**
 * Tells the account's manager and backup manager, each in their own language, that the client
 * wrote. The client's words go in as text: escaped in the HTML part, never read as markup.
 */
export class ManagerNotice {
  constructor(
    private readonly users: UserService,
    private readonly outbox: OutboxService,
    private readonly publicUrl: string | undefined,
  ) {}

  /** Queues the emails in the transaction that stores the message. */
  async queue(t: Kysely<DB>, account: OwnedAccount & { name: string }, message: Message): Promise<string[]> {
    const managerIds = [account.owner_id, account.backup_owner_id].filter((id): id is string => id !== null);
    const emailIds: string[] = [];
    for (const manager of await this.users.activeWithRole(t, managerIds, ACCOUNT_OWNER_ROLES)) {
      const emailId = await this.outbox.enqueueOne(t, {
        accountId: account.id,
        purpose: `client_message:${message.id}:${manager.id}`,
        to: manager.email,
        ...this.words(manager, account.name, message),
        events: { sent: 'request_emailed', failed: 'request_email_failed', data: { messageId: message.id, name: manager.name } },
      });
      emailIds.push(emailId);
    }
    return emailIds;
  }

  private words(manager: UserRow, account: string, message: Message) {
    const say = (code: MessageCode, params: Record<string, string> = {}) => renderMessage(code, { account, ...params }, manager.language);
    const before = [
      say('message.email_intro', { author: message.author.name ?? '' }),
      ...(message.projectName ? [say('message.email_project', { project: message.projectName })] : []),
      message.body,
    ];
    const subject = say('message.email_subject');
    if (!this.publicUrl) {
      const text = before.join('\n\n');
      return { subject, text, html: textToHtml(text) };
    }
    const url = new URL(`/accounts/${encodeURIComponent(message.accountId)}?tab=requests`, this.publicUrl).toString();
    return { subject, ...emailWithLink({ before, link: { url, label: say('message.email_action') }, after: [] }) };
  }
}
