import type { Language } from '../common/enums.js';
import { createClaimsModule } from './modules/claims/index.js';
import { createCorrectiveActionsModule } from './modules/corrective-actions/index.js';
import type { ComposedModules } from './composition.modules.js';
import type { ModuleContext } from './modules/module.js';
import { createSatisfactionReportModule } from './modules/satisfaction-report/index.js';
import { createSurveysModule } from './modules/surveys/index.js';

/** The modules customer care builds on. */
type Core = Pick<
  ComposedModules,
  'settings' | 'users' | 'accounts' | 'contacts' | 'projects' | 'plans' | 'nextSteps' | 'documents' | 'auth' | 'email' | 'timeline'
>;

interface CareOptions {
  publicUrl?: string;
  defaultLanguage?: Language;
}

/**
 * Finding and removing the causes of dissatisfaction: claims, satisfaction surveys, the
 * corrective actions drawn from both and the satisfaction report, wired so that a low survey
 * answer can open a claim.
 */
export function composeCustomerCare(ctx: ModuleContext, m: Core, opts: CareOptions) {
  const claims = createClaimsModule(
    ctx,
    {
      settings: m.settings.settings,
      accounts: m.accounts.accounts,
      projects: m.projects.projects,
      users: m.users.users,
      outbox: m.email.outbox,
      timeline: m.timeline.timeline,
    },
    { publicUrl: opts.publicUrl, defaultLanguage: opts.defaultLanguage },
  );
  const surveys = createSurveysModule(
    ctx,
    {
      settings: m.settings.settings,
      calendar: m.settings.calendar,
      accounts: m.accounts.accounts,
      contacts: m.contacts.contacts,
      projects: m.projects.projects,
      milestones: m.plans.milestones,
      nextSteps: m.nextSteps.nextSteps,
      users: m.users.users,
      agency: m.documents.agency,
      links: m.auth.links,
      outbox: m.email.outbox,
      timeline: m.timeline.timeline,
    },
    { publicUrl: opts.publicUrl },
  );
  // A low survey answer opens a claim draft when the survey settings ask for one.
  surveys.surveys.addLowAnswerHandler(async (t, answer) => {
    await claims.draftFromSurvey(t, answer);
  });
  const correctiveActions = createCorrectiveActionsModule(ctx, {
    claimFacts: claims.claimFacts,
    surveySatisfaction: surveys.surveySatisfaction,
    users: m.users.users,
    timeline: m.timeline.timeline,
  });
  const satisfactionReport = createSatisfactionReportModule(ctx, {
    calendar: m.settings.calendar,
    accounts: m.accounts.accounts,
    claimSettings: claims.claimSettings,
  });
  return { claims, surveys, correctiveActions, satisfactionReport };
}
