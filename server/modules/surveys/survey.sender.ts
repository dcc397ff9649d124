import type { Kysely } from 'kysely';
import type { Language, SurveyKind, SurveyTrigger } from '../../../common/enums.js';
import type { DB } from '../../db/schema.js';
import type { Clock } from '../../lib/clock.js';
import { AppError, conflict, fieldError } from '../../lib/errors.js';
import { newId, randomSecret, sha256 } from '../../lib/ids.js';
import { recordAudit } from '../audit/index.js';
import type { ContactService } from '../contacts/index.js';
import type { AgencyService } from '../documents/index.js';
import type { OutboxService } from '../email/index.js';
import type { AccountService } from '../accounts/index.js';
import type { TimelineLog } from '../timeline/index.js';
import { contactNameOf } from './survey.presenter.js';
import type { SurveyRepository } from './survey.repository.js';
import type { SurveySettingsService } from './survey.settings.js';
import { surveyEmail } from './survey.words.js';

/** A survey link works for 30 days. */
export const SURVEY_TTL_MS = 30 * 24 * 3600_000;
const DAY_MS = 24 * 3600_000;

export interface SurveyRequest {
  accountId: string;
  projectId: string | null;
  contactId: string;
  kind: SurveyKind;
  trigger: SurveyTrigger;
  sentById: string | null;
  milestoneId?: string | null;
}

/** What came of a request to ask a contact: the survey and its email, or why nobody was asked. */
export type SendOutcome =
  | { sent: true; surveyId: string; emailId: string }
  | { sent: false; reason: 'throttled'; lastAskedAt: string }
  | { sent: false; reason: 'no_email' | 'no_public_url' };

/**
 * Sends surveys: a link token (256 random bits, only its hash kept) in an email in the contact's
 * language, queued in the caller's transaction, at most once per contact in the throttle period.
 */
export class SurveySender {
  constructor(
    private readonly clock: Clock,
    private readonly repo: SurveyRepository,
    private readonly settings: SurveySettingsService,
    private readonly accounts: AccountService,
    private readonly contacts: ContactService,
    private readonly agency: AgencyService,
    private readonly outbox: OutboxService,
    private readonly timeline: TimelineLog,
    private readonly publicUrl: string | undefined,
  ) {}

  /**
   * Asks the contact in the caller's transaction; a contact of another account is a 400 on
   * `contactId`. `ignoreThrottle` is for a second survey sent with one that just claimed the contact.
   */
  async send(t: Kysely<DB>, req: SurveyRequest, opts: { ignoreThrottle?: boolean } = {}): Promise<SendOutcome> {
    const contact = await this.contacts.findRow(req.contactId, t);
    if (!contact || contact.account_id !== req.accountId) throw fieldError('contactId', 'survey.contact_of_account');
    if (!contact.email) return { sent: false, reason: 'no_email' };
    if (!this.publicUrl) return { sent: false, reason: 'no_public_url' };
    const now = this.clock.now();
    const at = now.toISOString();
    const { throttleDays } = await this.settings.load(t);
    const since = new Date(now.getTime() - throttleDays * DAY_MS).toISOString();
    if (!opts.ignoreThrottle && !(await this.repo.claimContact(t, contact.id, at, since))) {
      return { sent: false, reason: 'throttled', lastAskedAt: (await this.repo.lastAsked(t, contact.id))!.last_asked_at };
    }
    const account = (await this.accounts.findOwned(req.accountId, t))!;
    const project = req.projectId ? await this.repo.project(t, req.projectId) : undefined;
    if (req.projectId && project?.account_id !== req.accountId) throw fieldError('projectId', 'survey.project_of_account');
    const language: Language = contact.language ?? account.language;
    const agency = (await this.agency.party(language, t)).name;
    const id = newId();
    const token = randomSecret(32);
    const name = contactNameOf(contact);
    const url = new URL(`/s/${token}`, this.publicUrl).toString();
    const emailId = await this.outbox.enqueueOne(t, {
      accountId: req.accountId,
      purpose: `survey:${id}`,
      to: contact.email,
      ...surveyEmail({ kind: req.kind, language, agency, project: project?.name ?? null, name, url }),
      secret: token,
      events: { sent: 'survey_emailed', failed: 'survey_email_failed', data: { surveyId: id, kind: req.kind, name } },
    });
    const row = {
      id,
      account_id: req.accountId,
      project_id: req.projectId,
      contact_id: contact.id,
      kind: req.kind,
      trigger: req.trigger,
      language,
      token_hash: sha256(token),
      sent_at: at,
      expires_at: new Date(now.getTime() + SURVEY_TTL_MS).toISOString(),
      score: null,
      comment: null,
      answered_at: null,
      sent_by_id: req.sentById,
      milestone_id: req.milestoneId ?? null,
      email_id: emailId,
      created_at: at,
      updated_at: at,
    };
    await this.repo.insert(t, row);
    const data = { surveyId: id, kind: req.kind, trigger: req.trigger, name, projectId: req.projectId };
    await this.timeline.recordEvent(t, { accountId: req.accountId, kind: 'survey_sent', actorId: req.sentById, occurredAt: at, data });
    await recordAudit(t, {
      actorId: req.sentById,
      recordType: 'survey',
      recordId: id,
      action: 'create',
      after: { accountId: req.accountId, contactId: contact.id, kind: req.kind, trigger: req.trigger, expiresAt: row.expires_at },
      at,
    });
    return { sent: true, surveyId: id, emailId };
  }
}

/** A manager's send refused, as a problem that says why. */
export function refusalOf(outcome: Exclude<SendOutcome, { sent: true }>, throttleDays: number): AppError {
  if (outcome.reason === 'throttled') return conflict('survey.throttled', { date: outcome.lastAskedAt.slice(0, 10), days: throttleDays });
  return outcome.reason === 'no_email' ? new AppError(422, 'survey.contact_without_email') : conflict('survey.public_url_missing');
}
