import type { Database } from '../../db/database.js';
import { assertSeesPortfolio, assertStaff, type Actor } from '../access/index.js';
import type { AgencyCalendar } from '../settings/index.js';
import type { RoleSettingsService, TaskService } from '../tasks/index.js';
import type { UserService } from '../users/index.js';
import { deliveryReport } from './delivery.report.js';
import { portfolioReport } from './portfolio.report.js';
import { workloadReport } from './workload.report.js';

/** The manager's view across projects: what is late or blocked, each specialist's load, the portfolio. */
export class DeliveryReports {
  constructor(
    private readonly db: Database,
    private readonly calendar: AgencyCalendar,
    private readonly tasks: TaskService,
    private readonly roles: RoleSettingsService,
    private readonly users: UserService,
  ) {}

  async delivery(actor: Actor, ownerId?: string) {
    assertStaff(actor);
    return deliveryReport(this.db, this.tasks, actor, await this.calendar.today(), ownerId);
  }

  async workload(actor: Actor, weeks: number) {
    assertStaff(actor);
    return workloadReport(this.db, this.users, actor, await this.calendar.today(), weeks);
  }

  async portfolio(actor: Actor, managerId = actor.id) {
    assertSeesPortfolio(actor, managerId);
    const { roleRates } = await this.roles.load();
    return portfolioReport(this.db, managerId, await this.calendar.today(), roleRates);
  }
}
