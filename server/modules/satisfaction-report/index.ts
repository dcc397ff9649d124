import type { AccountService } from '../accounts/index.js';
import type { ClaimSettingsService } from '../claims/index.js';
import { defineModule, type ModuleContext } from '../module.js';
import type { AgencyCalendar } from '../settings/index.js';
import { SatisfactionReports } from './satisfaction.report.js';
import { satisfactionReportRoutes } from './satisfaction.routes.js';

export type { SatisfactionReports } from './satisfaction.report.js';

/**
 * The cooperation analysis: a report over what the surveys, claims, delivery and billing
 * modules record (read in SQL aggregates, as the delivery and receivables reports read
 * theirs), to find the causes of dissatisfaction; each of its bars opens its records.
 */
export function createSatisfactionReportModule(
  ctx: ModuleContext,
  deps: { calendar: AgencyCalendar; accounts: AccountService; claimSettings: ClaimSettingsService },
) {
  const satisfactionReports = new SatisfactionReports(ctx.db, ctx.clock, deps.calendar, deps.accounts, deps.claimSettings);
  return defineModule({ satisfactionReports, routes: satisfactionReportRoutes(satisfactionReports) });
}
