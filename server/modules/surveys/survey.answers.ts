import type { z } from 'zod';
import type { PortalSurvey, PublicSurvey, SurveyAnswerSchema } from '../../../common/schemas/survey.js';
import { isLowScore, SURVEY_SCALES } from '../../../common/schemas/survey.js';
import type { MessageCode } from '../../../common/messages/index.js';
import type { Database } from '../../db/database.js';
import type { Clock } from '../../lib/clock.js';
import { AppError, fieldError, notFound } from '../../lib/errors.js';
import { sha256 } from '../../lib/ids.js';
import type { Actor } from '../access/index.js';
import { recordAudit } from '../audit/index.js';
import type { LinkAttempts } from '../auth/index.js';
import type { AgencyService } from '../documents/index.js';
import type { OutboxService } from '../email/index.js';
import type { TimelineLog } from '../timeline/index.js';
import type { UserService } from '../users/index.js';
import type { LowAnswerFollowUp } from './survey.follow-up.js';
import { accountOf, contactNameOf } from './survey.presenter.js';
import type { SurveyRepository, SurveyRow } from './survey.repository.js';
import { publicSurvey } from './survey.words.js';

type Answer = z.output<typeof SurveyAnswerSchema>;

/** Why a survey cannot be answered, as a status and a code that says so. */
const PROBLEMS: Record<'invalid' | 'used' | 'expired', [number, MessageCode]> = {
  invalid: [404, 'survey.link_invalid'],
  used: [410, 'survey.link_used'],
  expired: [410, 'survey.link_expired'],
};
const refused = (problem: keyof typeof PROBLEMS) => new AppError(...PROBLEMS[problem]);

/**
 * The contact's side: the survey opened by its emailed link (no sign-in) or in the portal, and
 * answered once. The answer goes on the account's timeline; a low one alerts the owner and opens
 * the follow-up.
 */
export class SurveyAnswers {
  constructor(
    private readonly db: Database,
    private readonly clock: Clock,
    private readonly repo: SurveyRepository,
    private readonly agency: AgencyService,
    private readonly users: UserService,
    private readonly links: LinkAttempts,
    private readonly followUp: LowAnswerFollowUp,
    private readonly outbox: OutboxService,
    private readonly timeline: TimelineLog,
  ) {}

  /** The survey behind a link, as the person answering sees it. */
  async open(token: string, address: string): Promise<PublicSurvey> {
    return this.present(await this.usable(token, address));
  }

  async answerByLink(token: string, answer: Answer, address: string): Promise<void> {
    await this.record(await this.usable(token, address), answer, null);
  }

  /** The client's own surveys still waiting for an answer. */
  async pendingInPortal(actor: Actor): Promise<PortalSurvey[]> {
    const contactId = await this.contactOf(actor);
    if (!contactId) return [];
    const rows = await this.repo.pendingOfContact(contactId, this.clock.now().toISOString());
    return Promise.all(rows.map(async (r) => ({ ...(await this.present(r)), id: r.id, expiresAt: r.expires_at })));
  }

  /** The client answers one of their own surveys in the portal; anyone else's reads as missing. */
  async answerInPortal(actor: Actor, id: string, answer: Answer): Promise<void> {
    const contactId = await this.contactOf(actor);
    const row = await this.repo.find(id);
    if (!row || !contactId || row.contact_id !== contactId) throw notFound('survey');
    const problem = this.problemOf(row);
    if (problem) throw refused(problem);
    await this.record(row, answer, actor.id);
  }

  private async contactOf(actor: Actor): Promise<string | null> {
    if (actor.role !== 'client') return null;
    return (await this.users.findById(actor.id))?.contact_id ?? null;
  }

  private async present(r: SurveyRow): Promise<PublicSurvey> {
    const agency = (await this.agency.party(r.language)).name;
    return publicSurvey(r.kind, r.language, agency, r.project_name ?? null);
  }

  private usable(token: string, address: string): Promise<SurveyRow> {
    return this.links.open(
      address,
      () => this.repo.findByHash(sha256(token)),
      (r) => {
        const problem = r ? this.problemOf(r) : 'invalid';
        return problem ? refused(problem) : null;
      },
    );
  }

  private problemOf(r: SurveyRow): 'used' | 'expired' | null {
    if (r.answered_at) return 'used';
    if (r.expires_at <= this.clock.now().toISOString()) return 'expired';
    return null;
  }

  /** Stores the answer once (a second, even at the same moment, is refused as used) with all it sets off. */
  private async record(r: SurveyRow, answer: Answer, actorId: string | null): Promise<void> {
    const { min, max } = SURVEY_SCALES[r.kind];
    if (answer.score < min || answer.score > max) throw fieldError('score', 'survey.score_range', { min, max });
    const comment = answer.comment ?? null;
    const emailIds = await this.db.transaction().execute(async (t) => {
      const at = this.clock.now().toISOString();
      if (!(await this.repo.answer(t, r.id, { score: answer.score, comment, at }))) {
        throw refused(r.expires_at <= at ? 'expired' : 'used');
      }
      const name = contactNameOf(r);
      const data = { surveyId: r.id, kind: r.kind, score: answer.score, comment, name, projectId: r.project_id };
      await this.timeline.recordEvent(t, { accountId: r.account_id, kind: 'survey_answered', actorId, occurredAt: at, data });
      await recordAudit(t, {
        actorId,
        recordType: 'survey',
        recordId: r.id,
        action: 'update',
        before: { score: null, comment: null, answeredAt: null },
        after: { score: answer.score, comment, answeredAt: at },
        at,
      });
      if (!isLowScore(r.kind, answer.score)) return [];
      const event = {
        surveyId: r.id,
        accountId: r.account_id,
        projectId: r.project_id,
        contactId: r.contact_id,
        kind: r.kind,
        score: answer.score,
        comment,
        answeredAt: at,
      };
      return this.followUp.open(t, event, { ...accountOf(r), name: r.account_name }, name);
    });
    // The owner hears of a low answer now rather than at the next delivery round.
    if (emailIds.length) await this.outbox.deliver(emailIds);
  }
}
