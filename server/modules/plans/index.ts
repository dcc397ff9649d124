import type { AccountService } from '../accounts/index.js';
import type { ContactService } from '../contacts/index.js';
import type { OutboxService } from '../email/index.js';
import { defineModule, type ModuleContext } from '../module.js';
import type { ClientNotifier } from '../notifications/index.js';
import type { AgencyCalendar, SettingsService } from '../settings/index.js';
import type { ProjectService } from '../projects/index.js';
import type { TimelineLog } from '../timeline/index.js';
import { BriefService } from './brief.service.js';
import { planAgenda } from './plan.agenda.js';
import { ClientReminderService } from './client-reminder.js';
import { MilestoneService } from './milestone.service.js';
import { planRoutes } from './plan.routes.js';
import { PlanService } from './plan.service.js';
import { RequirementService } from './requirement.service.js';
import { milestoneHealthByAccount } from './milestone.health.js';
import { milestoneCalendar } from './milestone.calendar.js';
export type { MilestoneHealthFacts } from './milestone.health.js';

export type { MilestoneService, NewMilestone, MilestoneDoneListener } from './milestone.service.js';
export type { AwaitingRequirement, RequirementService } from './requirement.service.js';
export type { BriefService, UnsentBrief } from './brief.service.js';

/** The plan and requirements agreed by both parties: milestones, the approval cycle, requirements with history, and briefs. */
interface PlanDeps {
  projects: ProjectService;
  timeline: TimelineLog;
  calendar: AgencyCalendar;
  accounts: AccountService;
  contacts: ContactService;
  outbox: OutboxService;
  notifications: ClientNotifier;
  settings: SettingsService;
}

export function createPlansModule(ctx: ModuleContext, deps: PlanDeps, opts: { publicUrl?: string }) {
  const plans = new PlanService(ctx.db, ctx.clock, deps.projects, deps.timeline, deps.notifications);
  const milestones = new MilestoneService(ctx.db, ctx.clock, deps.projects, plans, deps.calendar);
  const requirements = new RequirementService(ctx.db, ctx.clock, deps.projects, deps.timeline, deps.notifications);
  const briefs = new BriefService(ctx.db, ctx.clock, deps.projects, deps.timeline);
  const reminders = new ClientReminderService(
    ctx.db,
    deps.calendar,
    deps.projects,
    deps.accounts,
    deps.contacts,
    deps.outbox,
    opts.publicUrl,
    deps.notifications,
  );
  return defineModule({
    plans,
    feeds: [milestoneCalendar(ctx.db)],
    agenda: [planAgenda(ctx.db, deps.settings)],
    milestones,
    /** Open and late milestones of one account or all (account health). */
    milestoneHealth: { byAccount: milestoneHealthByAccount },
    requirements,
    briefs,
    clientReminders: reminders,
    routes: planRoutes({ plans, reminders, milestones, requirements, briefs }),
    timelineEvents: [
      'plan_submitted',
      'plan_approved',
      'plan_changes_requested',
      'brief_submitted',
      'requirement_agreed',
      'requirement_declined',
      'client_reminded',
      'client_reminder_failed',
    ],
  });
}
