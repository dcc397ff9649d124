import type { Kysely } from 'kysely';
import type { SurveyKind, SurveyTrigger } from '../../../common/enums.js';
import type { Database } from '../../db/database.js';
import type { DB } from '../../db/schema.js';
import type { JobDefinition } from '../../jobs/job.service.js';
import type { AfterCommit } from '../../lib/after-commit.js';
import type { FastifyBaseLogger } from 'fastify';
import type { OutboxService } from '../email/index.js';
import type { AgencyCalendar } from '../settings/index.js';
import type { SurveyRepository } from './survey.repository.js';
import type { SurveySender } from './survey.sender.js';
import type { SurveySettingsService } from './survey.settings.js';

export const QUARTERLY_SURVEY_JOB = 'surveys.quarterly';
const BATCH = 200;

/** The first day of the quarter `date` (YYYY-MM-DD) falls in. */
export const quarterStart = (date: string): string => {
  const month = Number(date.slice(5, 7));
  return `${date.slice(0, 4)}-${String(month - ((month - 1) % 3)).padStart(2, '0')}-01`;
};

/**
 * Surveys that go out on their own: CSAT when a milestone is done, CSAT and NPS when a project is
 * delivered (queued in that change's transaction, sent once it has committed), and the relationship
 * NPS each quarter per active account (a daily job, once across instances, which asks the accounts
 * not asked yet this quarter, so a contact throttled today is asked on a later day). A skipped send
 * (throttled, no contact with an email, no PUBLIC_URL) is not an error.
 */
export class SurveyTriggers {
  constructor(
    private readonly db: Database,
    private readonly repo: SurveyRepository,
    private readonly sender: SurveySender,
    private readonly settings: SurveySettingsService,
    private readonly calendar: AgencyCalendar,
    private readonly outbox: OutboxService,
    private readonly log: FastifyBaseLogger,
  ) {}

  async milestoneDone(t: Kysely<DB>, m: { milestoneId: string; projectId: string }): Promise<AfterCommit | void> {
    if (!(await this.settings.load(t)).onMilestoneDone || (await this.repo.sentForMilestone(t, m.milestoneId))) return;
    return this.askAboutProject(t, m.projectId, ['csat'], 'milestone', m.milestoneId);
  }

  async projectStageChanged(t: Kysely<DB>, p: { projectId: string; to: string }): Promise<AfterCommit | void> {
    if (p.to !== 'delivered' || !(await this.settings.load(t)).onProjectDelivered) return;
    return this.askAboutProject(t, p.projectId, ['csat', 'nps'], 'delivery', null);
  }

  /**
   * Both kinds of a delivery go in one go: the throttle counts a contact asked once, so the NPS
   * rides with the CSAT rather than being refused by it. Answers the sending of their emails,
   * for once the change has committed (the client is asked at once, as by a manager).
   */
  private async askAboutProject(
    t: Kysely<DB>,
    projectId: string,
    kinds: SurveyKind[],
    trigger: SurveyTrigger,
    milestoneId: string | null,
  ): Promise<AfterCommit | void> {
    const project = await this.repo.project(t, projectId);
    if (!project) return;
    const contact = await this.repo.recipient(t, project.account_id, 'project');
    if (!contact) return;
    const emailIds: string[] = [];
    for (const kind of kinds) {
      const base = { accountId: project.account_id, projectId, contactId: contact.id, kind, trigger, sentById: null, milestoneId };
      const outcome = await this.sender.send(t, base, { ignoreThrottle: emailIds.length > 0 });
      if (!outcome.sent) break;
      emailIds.push(outcome.emailId);
    }
    if (emailIds.length > 0) return () => this.outbox.deliver(emailIds);
  }

  /** One day's relationship surveys: answers how many went out and how many accounts were skipped. */
  async runQuarterly(date: string): Promise<{ sent: number; skipped: number }> {
    const counts = { sent: 0, skipped: 0 };
    if (!(await this.settings.load()).quarterly) return counts;
    const since = `${quarterStart(date)}T00:00:00.000Z`;
    let after = '';
    for (;;) {
      const accounts = await this.repo.accountsDueQuarterly(since, after, BATCH);
      if (accounts.length === 0) break;
      const emailIds: string[] = [];
      for (const { id } of accounts) {
        const outcome = await this.db.transaction().execute(async (t) => {
          const contact = await this.repo.recipient(t, id, 'relationship');
          if (!contact) return null;
          return this.sender.send(t, {
            accountId: id,
            projectId: null,
            contactId: contact.id,
            kind: 'nps',
            trigger: 'quarterly',
            sentById: null,
          });
        });
        if (outcome?.sent) {
          counts.sent += 1;
          emailIds.push(outcome.emailId);
        } else counts.skipped += 1;
      }
      await this.outbox.deliver(emailIds);
      after = accounts[accounts.length - 1].id;
    }
    this.log.info({ job: QUARTERLY_SURVEY_JOB, date, ...counts }, 'relationship surveys');
    return counts;
  }

  jobs(): JobDefinition[] {
    return [
      {
        name: QUARTERLY_SURVEY_JOB,
        // Once per agency-local day, across instances.
        dueKey: () => this.calendar.today(),
        run: async (date) => ({ date, ...(await this.runQuarterly(date)) }),
        leaseMs: 10 * 60_000,
      },
    ];
  }
}
