import type { z } from 'zod';
import type { ReportScopeQuerySchema } from '../../../common/schemas/delivery.js';
import type { Database } from '../../db/database.js';
import { assertSeesPortfolio, assertStaff, reportOwner, reportScope, type Actor } from '../access/index.js';
import type { AgencyCalendar } from '../settings/index.js';
import type { RoleSettingsService, TaskService } from '../tasks/index.js';
import type { UserService } from '../users/index.js';
import { deliveryReport } from './delivery.report.js';
import { portfolioReport } from './portfolio.report.js';
import { workloadReport } from './workload.report.js';

type ScopeAsked = z.output<typeof ReportScopeQuerySchema>;

/** The manager's view across projects: what is late or blocked, each specialist's load, the portfolio. */
export class DeliveryReports {
  constructor(
    private readonly db: Database,
    private readonly calendar: AgencyCalendar,
    private readonly tasks: TaskService,
    private readonly roles: RoleSettingsService,
    private readonly users: UserService,
  ) {}

  async delivery(actor: Actor, asked: ScopeAsked) {
    assertStaff(actor);
    const scope = reportScope(actor, asked);
    return { ...scope, ...(await deliveryReport(this.db, this.tasks, actor, await this.calendar.today(), reportOwner(actor, scope))) };
  }

  async workload(actor: Actor, weeks: number) {
    assertStaff(actor);
    return workloadReport(this.db, this.users, actor, await this.calendar.today(), weeks);
  }

  async portfolio(actor: Actor, asked: ScopeAsked) {
    assertSeesPortfolio(actor);
    const scope = reportScope(actor, asked);
    const { roleRates } = await this.roles.load();
    return { ...scope, ...(await portfolioReport(this.db, actor, reportOwner(actor, scope), await this.calendar.today(), roleRates)) };
  }
}
