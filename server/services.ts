import type { Database } from './db/database.js';
import type { FastifyBaseLogger } from 'fastify';
import { JobService } from './jobs/job.service.js';
import type { Clock } from './lib/clock.js';
import { AccountService } from './modules/accounts/account.service.js';
import { authJobs } from './modules/auth/auth.jobs.js';
import { AuthService } from './modules/auth/auth.service.js';
import { createBillingServices } from './modules/billing/billing.wiring.js';
import type { Mailer } from './modules/email/mailer.js';
import { TokenService } from './modules/auth/token.service.js';
import { ContactService } from './modules/contacts/contact.service.js';
import { InteractionService } from './modules/interactions/interaction.service.js';
import { TimelineService } from './modules/timeline/timeline.service.js';
import { UserService } from './modules/users/user.service.js';
import { BriefService } from './modules/plans/brief.service.js';
import { MilestoneService } from './modules/plans/milestone.service.js';
import { PlanService } from './modules/plans/plan.service.js';
import { RequirementService } from './modules/plans/requirement.service.js';
import { ProjectService } from './modules/projects/project.service.js';
import { SettingsService } from './modules/settings/settings.service.js';
import { TaskCommentService } from './modules/tasks/task-comment.service.js';
import { TaskService } from './modules/tasks/task.service.js';

export interface ServiceOptions {
  sessionTtlMs: number;
  defaultCurrency: string;
  mailer?: Mailer;
  log?: FastifyBaseLogger;
}

/** Every domain service, wired once per app instance. */
export function createServices(db: Database, clock: Clock, opts: ServiceOptions) {
  const users = new UserService(db, clock);
  const timeline = new TimelineService(db);
  const accounts = new AccountService(db, clock, timeline, opts.defaultCurrency);
  const settings = new SettingsService(db);
  const briefs = new BriefService(db, clock);
  const projects = new ProjectService(db, clock, accounts, timeline, briefs);
  briefs.projects = projects;
  const plans = new PlanService(db, clock, projects, timeline);
  const tasks = new TaskService(db, clock, projects, settings);
  const jobs = new JobService(db, clock, undefined, opts.log);
  const auth = new AuthService(db, clock, users, opts.sessionTtlMs);
  jobs.register(...authJobs(auth));
  const money = createBillingServices(db, clock, { accounts, timeline, settings, jobs, mailer: opts.mailer, log: opts.log });
  // Unpaid debt can stop work: no new task while the account's stop-work flag is set.
  tasks.addWorkGuard((trx, accountId) => money.billing.assertWorkAllowed(trx, accountId));
  return {
    settings,
    projects,
    plans,
    briefs,
    milestones: new MilestoneService(db, clock, projects, plans),
    requirements: new RequirementService(db, clock, projects),
    tasks,
    taskComments: new TaskCommentService(db, clock, tasks),
    users,
    auth,
    tokens: new TokenService(db, clock),
    timeline,
    accounts,
    contacts: new ContactService(db, clock, accounts, timeline),
    interactions: new InteractionService(db, clock, accounts),
    jobs,
    ...money,
  };
}

export type Services = ReturnType<typeof createServices>;
