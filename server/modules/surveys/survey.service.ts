import type { z } from 'zod';
import type { Survey, SurveyCreateSchema, SurveyListQuery } from '../../../common/schemas/survey.js';
import type { Database } from '../../db/database.js';
import type { Clock } from '../../lib/clock.js';
import { notFound } from '../../lib/errors.js';
import { assertCanAddToAccount, assertCanReadSurvey, assertSeesInternal, type Actor } from '../access/index.js';
import type { AccountService } from '../accounts/index.js';
import type { OutboxService } from '../email/index.js';
import { accountOf, presentSurvey } from './survey.presenter.js';
import type { SurveyRepository } from './survey.repository.js';
import { refusalOf, type SurveySender } from './survey.sender.js';
import type { LowAnswerFollowUp, LowAnswerHandler } from './survey.follow-up.js';
import type { SurveySettingsService } from './survey.settings.js';

type NewSurvey = z.output<typeof SurveyCreateSchema>;

/** Surveys as staff see them: the list of an account's (or every readable) survey, one survey, and a manager's send. */
export class SurveyService {
  constructor(
    private readonly db: Database,
    private readonly clock: Clock,
    private readonly repo: SurveyRepository,
    private readonly sender: SurveySender,
    private readonly settings: SurveySettingsService,
    private readonly followUp: LowAnswerFollowUp,
    private readonly accounts: AccountService,
    private readonly outbox: OutboxService,
  ) {}

  /**
   * Lets a module above open its own follow-up of a low answer (the claims module, a claim draft),
   * in the answer's transaction, when the follow-up setting says "claim".
   */
  addLowAnswerHandler(handler: LowAnswerHandler): void {
    this.followUp.addHandler(handler);
  }

  async list(actor: Actor, query: SurveyListQuery) {
    assertSeesInternal(actor);
    const now = this.clock.now().toISOString();
    const page = await this.repo.list(actor, query);
    return { items: page.items.map((r) => presentSurvey(r, now)), nextCursor: page.nextCursor };
  }

  async get(actor: Actor, id: string): Promise<Survey> {
    const row = await this.repo.find(id);
    if (!row) throw notFound('survey');
    assertCanReadSurvey(actor, accountOf(row));
    return presentSurvey(row, this.clock.now().toISOString());
  }

  /** A manager asks a contact of their account now; the email goes before the answer. A throttled contact is a 409 saying when they were asked. */
  async send(actor: Actor, input: NewSurvey): Promise<Survey> {
    const sent = await this.db.transaction().execute(async (t) => {
      const account = await this.accounts.findOwned(input.accountId, t);
      assertCanAddToAccount(actor, account);
      const outcome = await this.sender.send(t, {
        accountId: account.id,
        projectId: input.projectId ?? null,
        contactId: input.contactId,
        kind: input.kind,
        trigger: 'manual',
        sentById: actor.id,
      });
      if (!outcome.sent) throw refusalOf(outcome, (await this.settings.load(t)).throttleDays);
      return outcome;
    });
    await this.outbox.deliver([sent.emailId]);
    return this.get(actor, sent.surveyId);
  }
}
