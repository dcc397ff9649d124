import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema.js';
import type { AccountService } from '../accounts/index.js';
import type { LinkAttempts } from '../auth/index.js';
import type { ContactService } from '../contacts/index.js';
import type { AgencyService } from '../documents/index.js';
import type { OutboxService } from '../email/index.js';
import { surveyAgenda } from './survey.agenda.js';
import { defineModule, type ModuleContext } from '../module.js';
import type { NextStepService } from '../next-steps/index.js';
import type { MilestoneService } from '../plans/index.js';
import type { ProjectService } from '../projects/index.js';
import type { AgencyCalendar, SettingsService } from '../settings/index.js';
import type { TimelineLog } from '../timeline/index.js';
import type { UserService } from '../users/index.js';
import { SurveyAnswers } from './survey.answers.js';
import { latestNpsByAccount } from './survey.latest-nps.js';
import { LowAnswerFollowUp } from './survey.follow-up.js';
import { SurveyRepository } from './survey.repository.js';
import { surveyRoutes } from './survey.routes.js';
import { SurveySender } from './survey.sender.js';
import { SurveyService } from './survey.service.js';
import { SurveySatisfaction } from './survey.satisfaction.js';
import { SurveySettingsService } from './survey.settings.js';
import { SurveyTriggers } from './survey.triggers.js';
import { satisfactionHealthByAccount } from './survey.health.js';
export type { SatisfactionHealthFacts, ScoredAnswer } from './survey.health.js';

export type { SurveyService } from './survey.service.js';
export type { SurveyAnswers } from './survey.answers.js';
export type { SurveyAnswerEvent, LowAnswerHandler } from './survey.follow-up.js';
export type { SurveySettingsService } from './survey.settings.js';
export type { SurveySatisfaction, AnswerCounts } from './survey.satisfaction.js';
export { DEFAULT_SURVEY_SETTINGS } from './survey.settings.js';
export { QUARTERLY_SURVEY_JOB, quarterStart } from './survey.triggers.js';
export { SURVEY_TTL_MS } from './survey.sender.js';

interface SurveyDeps {
  settings: SettingsService;
  calendar: AgencyCalendar;
  accounts: AccountService;
  contacts: ContactService;
  projects: ProjectService;
  milestones: MilestoneService;
  nextSteps: NextStepService;
  users: UserService;
  agency: AgencyService;
  links: LinkAttempts;
  outbox: OutboxService;
  timeline: TimelineLog;
}

/**
 * Satisfaction surveys (NPS, CSAT): sent by a manager or by triggers (a milestone done, a project
 * delivered, each quarter), answered once by an emailed link or in the portal, each answer on
 * the timeline; a low one alerts the owner and opens a follow-up. `addLowAnswerHandler` lets a
 * module above (claims) open its draft from a low answer, in the answer's transaction.
 */
export function createSurveysModule(ctx: ModuleContext, deps: SurveyDeps, opts: { publicUrl?: string }) {
  const repo = new SurveyRepository(ctx.db);
  const surveySettings = new SurveySettingsService(ctx.db, deps.settings, ctx.clock);
  const sender = new SurveySender(
    ctx.clock,
    repo,
    surveySettings,
    deps.accounts,
    deps.contacts,
    deps.agency,
    deps.outbox,
    deps.timeline,
    opts.publicUrl,
  );
  const followUp = new LowAnswerFollowUp(surveySettings, deps.calendar, deps.users, deps.nextSteps, deps.outbox, opts.publicUrl);
  const surveys = new SurveyService(ctx.db, ctx.clock, repo, sender, surveySettings, followUp, deps.accounts, deps.outbox);
  const surveyAnswers = new SurveyAnswers(
    ctx.db,
    ctx.clock,
    repo,
    deps.agency,
    deps.users,
    deps.links,
    followUp,
    deps.outbox,
    deps.timeline,
  );
  const triggers = new SurveyTriggers(ctx.db, repo, sender, surveySettings, deps.calendar, deps.outbox, ctx.log);
  deps.milestones.onDone((t, m) => triggers.milestoneDone(t, m));
  deps.projects.onStageChanged((t, p) => triggers.projectStageChanged(t, p));
  return defineModule({
    surveys,
    surveyAnswers,
    surveySettings,
    surveyTriggers: triggers,
    /** Answers of some accounts in a period, aggregated, for modules that judge satisfaction (corrective actions). */
    surveySatisfaction: new SurveySatisfaction(ctx.db),
    /** Every account's latest NPS score up to a moment, in one statement (loyalty's evaluation). */
    latestNps: { byAccount: (t: Kysely<DB>, asOf: string) => latestNpsByAccount(t, asOf) },
    /** The latest two NPS and CSAT answers of one account or all, in one statement (account health). */
    satisfactionHealth: { byAccount: satisfactionHealthByAccount },
    routes: surveyRoutes(surveys, surveyAnswers, surveySettings),
    jobs: triggers.jobs(),
    timelineEvents: ['survey_sent', 'survey_emailed', 'survey_email_failed', 'survey_answered'],
    agenda: [surveyAgenda(ctx.db)],
  });
}
