import type { Kysely } from 'kysely';
import { ACCOUNT_OWNER_ROLES, type SurveyKind } from '../../../common/enums.js';
import { renderMessage, type MessageCode } from '../../../common/messages/index.js';
import type { DB } from '../../db/schema.js';
import { addDays } from '../../lib/dates.js';
import { emailWithLink, textToHtml, type OutboxService } from '../email/index.js';
import type { NextStepService } from '../next-steps/index.js';
import type { AgencyCalendar } from '../settings/index.js';
import type { UserRow, UserService } from '../users/index.js';
import type { SurveySettingsService } from './survey.settings.js';

/** A survey's answer as the follow-up of a low one receives it (and a claim handler, in the answer's transaction). */
export interface SurveyAnswerEvent {
  surveyId: string;
  accountId: string;
  projectId: string | null;
  contactId: string;
  kind: SurveyKind;
  score: number;
  comment: string | null;
  answeredAt: string;
}

/** Opens a claim draft from a low answer, in the answer's transaction (the claims module registers one). */
export type LowAnswerHandler = (t: Kysely<DB>, answer: SurveyAnswerEvent) => Promise<void>;

interface AnsweredAccount {
  id: string;
  name: string;
  owner_id: string | null;
  backup_owner_id: string | null;
}

const KIND_LABEL: Record<SurveyKind, string> = { nps: 'NPS', csat: 'CSAT' };

/**
 * What a low answer sets off, in the answer's transaction: an email to the account's owner (and
 * backup) at once, as the client's messages do, and a follow-up — a claim draft through the
 * registered handler (the claims module's) when the setting says so, else a next step for the
 * owner. Answers the emails to send after the commit.
 */
export class LowAnswerFollowUp {
  private readonly handlers: LowAnswerHandler[] = [];

  constructor(
    private readonly settings: SurveySettingsService,
    private readonly calendar: AgencyCalendar,
    private readonly users: UserService,
    private readonly nextSteps: NextStepService,
    private readonly outbox: OutboxService,
    private readonly publicUrl: string | undefined,
  ) {}

  addHandler(handler: LowAnswerHandler): void {
    this.handlers.push(handler);
  }

  async open(t: Kysely<DB>, answer: SurveyAnswerEvent, account: AnsweredAccount, contactName: string): Promise<string[]> {
    const s = await this.settings.load(t);
    const kind = KIND_LABEL[answer.kind];
    if (s.followUp === 'claim') {
      for (const handler of this.handlers) await handler(t, answer);
    } else if (account.owner_id) {
      const [owner] = await this.users.activeWithRole(t, [account.owner_id], ACCOUNT_OWNER_ROLES);
      if (owner) {
        const text = renderMessage('survey.follow_up_step', { contact: contactName, kind, score: answer.score }, owner.language);
        const dueDate = addDays(await this.calendar.today(t), s.followUpDays);
        await this.nextSteps.addFollowUp(t, { accountId: account.id, ownerId: owner.id, text, dueDate });
      }
    }
    const managers = await this.users.activeWithRole(
      t,
      [account.owner_id, account.backup_owner_id].filter((id): id is string => id !== null),
      ACCOUNT_OWNER_ROLES,
    );
    const emailIds: string[] = [];
    for (const manager of managers) {
      emailIds.push(
        await this.outbox.enqueueOne(t, {
          accountId: null,
          purpose: `survey_alert:${answer.surveyId}:${manager.id}`,
          to: manager.email,
          ...this.alert(manager, account, answer, contactName),
        }),
      );
    }
    return emailIds;
  }

  private alert(manager: UserRow, account: AnsweredAccount, answer: SurveyAnswerEvent, contact: string) {
    const params = { account: account.name, contact, kind: KIND_LABEL[answer.kind], score: answer.score, comment: answer.comment ?? '' };
    const say = (code: MessageCode) => renderMessage(code, params, manager.language);
    const before = [say('survey.alert_intro'), ...(answer.comment ? [say('survey.alert_comment')] : [])];
    const subject = say('survey.alert_subject');
    if (!this.publicUrl) {
      const text = before.join('\n\n');
      return { subject, text, html: textToHtml(text) };
    }
    const url = new URL(`/accounts/${encodeURIComponent(account.id)}?tab=surveys`, this.publicUrl).toString();
    return { subject, ...emailWithLink({ before, link: { url, label: say('survey.alert_action') }, after: [] }) };
  }
}
