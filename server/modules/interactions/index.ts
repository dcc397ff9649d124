import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { AccountService } from '../accounts/index.js';
import type { ContactService } from '../contacts/index.js';
import type { DealService } from '../deals/index.js';
import { defineModule, type ModuleContext } from '../module.js';
import type { NextStepService } from '../next-steps/index.js';
import type { ProjectService } from '../projects/index.js';
import type { SettingsService } from '../settings/index.js';
import { contactCadence, lastContactByAccount } from './contact.health.js';
import { interactionAgenda } from './interaction.agenda.js';
import { historyRoutes } from './history.routes.js';
import { HistoryService } from './history.service.js';
import { interactionRoutes } from './interaction.routes.js';
import { InteractionService } from './interaction.service.js';
import { meetingCalendar } from './meeting.calendar.js';

export type { InteractionService, LoggedListener } from './interaction.service.js';

/** Meetings, calls, emails and notes, and the account history that merges them with the timeline's events. */
export function createInteractionsModule(
  ctx: ModuleContext,
  deps: {
    accounts: AccountService;
    contacts: ContactService;
    projects: ProjectService;
    nextSteps: NextStepService;
    deals: DealService;
    settings: SettingsService;
  },
) {
  const interactions = new InteractionService(ctx.db, ctx.clock, deps.accounts, deps.contacts, deps.projects, deps.nextSteps, deps.deals);
  const history = new HistoryService(ctx.db, deps.accounts, interactions, deps.nextSteps);
  const routes: FastifyPluginAsyncZod = async (app) => {
    await app.register(interactionRoutes(interactions));
    await app.register(historyRoutes(history));
  };
  return defineModule({
    interactions,
    feeds: [meetingCalendar(ctx.db)],
    history,
    /** The last two-way contact of one account or all, and the cadence each status expects (account health). */
    contactHealth: { lastContact: lastContactByAccount, cadence: () => contactCadence(deps.settings) },
    routes,
    agenda: [interactionAgenda(ctx.db, deps.settings)],
  });
}
