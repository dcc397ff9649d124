import { defineModule, type ModuleContext } from '../module.js';
import type { AgencyCalendar } from '../settings/index.js';
import type { RoleSettingsService, TaskService } from '../tasks/index.js';
import type { UserService } from '../users/index.js';
import { deliveryAgenda } from './delivery.agenda.js';
import { deliveryRoutes } from './delivery.routes.js';
import { DeliveryReports } from './delivery.service.js';

/** Delivery reports: late and blocked work with milestones at risk, workload, and the portfolio. */
export function createDeliveryModule(
  ctx: ModuleContext,
  deps: { calendar: AgencyCalendar; tasks: TaskService; roles: RoleSettingsService; users: UserService },
) {
  const reports = new DeliveryReports(ctx.db, deps.calendar, deps.tasks, deps.roles, deps.users);
  return defineModule({ deliveryReports: reports, routes: deliveryRoutes(reports), agenda: [deliveryAgenda(ctx.db)] });
}
