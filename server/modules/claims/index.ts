import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema.js';
import type { AccountService } from '../accounts/index.js';
import type { OutboxService } from '../email/index.js';
import { defineModule, type ModuleContext } from '../module.js';
import type { ProjectService } from '../projects/index.js';
import type { SettingsService } from '../settings/index.js';
import type { TimelineLog } from '../timeline/index.js';
import type { UserService } from '../users/index.js';
import { claimAgenda } from './claim.agenda.js';
import { ClaimDeadlines } from './claim.deadlines.js';
import { ClaimFacts } from './claim.facts.js';
import { claimJobs } from './claim.jobs.js';
import { ClientClaims } from './claim.portal.js';
import { claimPortalRoutes } from './claim.portal.routes.js';
import { claimRoutes } from './claim.routes.js';
import { ClaimService, type DeadlineAdjuster } from './claim.service.js';
import { ClaimSettingsService } from './claim.settings.js';
import { draftFromSurvey, type SurveyAnswer } from './claim.survey.js';
import { claimHealthByAccount } from './claim.health.js';
import { claimSearch } from './claim.search.js';
import { claimCalendar } from './claim.calendar.js';
export type { ClaimHealthFacts } from './claim.health.js';

export type { ClaimService, DeadlineAdjuster } from './claim.service.js';
export type { ClaimSettingsService } from './claim.settings.js';
export type { ClaimDeadlines, DeadlineRun } from './claim.deadlines.js';
export type { SurveyAnswer } from './claim.survey.js';
export type { ClaimFacts, ClaimFact } from './claim.facts.js';
export { DEFAULT_CLAIM_SETTINGS } from './claim.settings.js';
export { CLAIM_DEADLINE_JOB } from './claim.jobs.js';
export { severityOfScore } from './claim.survey.js';

/**
 * Claims: a client's complaints, registered by a manager, by the client in the portal, or drafted
 * from a low survey answer (`draftFromSurvey`, for the surveys module's low-answer handler); their
 * deadlines by severity, breaches alerted once, and the workflow to a confirmed or auto-closed end.
 */
export function createClaimsModule(
  ctx: ModuleContext,
  deps: {
    settings: SettingsService;
    accounts: AccountService;
    projects: ProjectService;
    users: UserService;
    outbox: OutboxService;
    timeline: TimelineLog;
  },
  opts: { publicUrl?: string; defaultLanguage?: 'en' | 'ru' } = {},
) {
  const claimSettings = new ClaimSettingsService(ctx.db, deps.settings, ctx.clock);
  const claims = new ClaimService(ctx.db, ctx.clock, deps.accounts, deps.projects, deps.users, claimSettings, deps.timeline);
  const clientClaims = new ClientClaims(ctx.db, claims);
  const claimDeadlines = new ClaimDeadlines(ctx.db, ctx.clock, claims, deps.users, deps.outbox, deps.timeline, opts.publicUrl);
  const routes: ReturnType<typeof claimRoutes> = async (app) => {
    await app.register(claimRoutes(claims, claimSettings));
    await app.register(claimPortalRoutes(clientClaims));
  };
  return defineModule({
    claims,
    claimSettings,
    claimDeadlines,
    /** Claims read for analysis (one claim, a root cause's claims, its recurrences), for corrective actions. */
    claimFacts: new ClaimFacts(ctx.db, claims.repo, claimSettings),
    /** Drafts a claim from a low survey answer in the answer's transaction; answers the claim's id. */
    draftFromSurvey: (t: Kysely<DB>, answer: SurveyAnswer) => draftFromSurvey(claims, t, answer, opts.defaultLanguage ?? 'en'),
    /** Shortens new claims' deadlines for some accounts (loyalty: a tier's faster claims), as a percent of the hours. */
    addDeadlineAdjuster: (adjuster: DeadlineAdjuster) => claims.addDeadlineAdjuster(adjuster),
    /** Open critical claims per account, every account at once (loyalty's evaluation). */
    openCriticalClaims: { byAccount: (t: Kysely<DB>) => claims.repo.openCriticalByAccount(t) },
    /** Open and recent claims, their severity and breaches, of one account or all (account health). */
    claimHealth: { byAccount: claimHealthByAccount },
    routes,
    feeds: [claimCalendar(ctx.db)],
    search: [claimSearch(ctx.db)],
    agenda: [claimAgenda(ctx.db)],
    jobs: claimJobs(claimDeadlines),
    timelineEvents: ['claim_registered', 'claim_status_changed', 'claim_resolved', 'claim_breached'],
  });
}
