import type { AccountHealth } from '../../../common/schemas/health.js';
import type { Database } from '../../db/database.js';
import type { Clock } from '../../lib/clock.js';
import { addDays } from '../../lib/dates.js';
import { notFound } from '../../lib/errors.js';
import { assertCanReadHealth, type Actor } from '../access/index.js';
import type { AccountService } from '../accounts/index.js';
import type { AgencyCalendar } from '../settings/index.js';
import { presentComponent } from './health.presenter.js';
import type { HealthRepository } from './health.repository.js';
import { judgeHealth } from './health.rules.js';
import type { HealthSettingsService } from './health.settings.js';
import { gatherFacts, type HealthSources } from './health.sources.js';

/** One account's health now, with the facts behind each component and the trend of its daily snapshots. */
export class HealthService {
  constructor(
    private readonly db: Database,
    private readonly clock: Clock,
    private readonly calendar: AgencyCalendar,
    private readonly accounts: AccountService,
    private readonly repo: HealthRepository,
    private readonly settings: HealthSettingsService,
    private readonly sources: HealthSources,
  ) {}

  /** 404 unless the caller reads the account's internal records, so no fact leaks from a record they cannot read. */
  async forAccount(actor: Actor, accountId: string, days: number): Promise<AccountHealth> {
    const account = await this.accounts.findOwned(accountId);
    if (!account) throw notFound('account');
    assertCanReadHealth(actor, account);
    const [today, settings, cadence] = await Promise.all([
      this.calendar.today(),
      this.settings.load(),
      this.sources.contactHealth.cadence(),
    ]);
    const now = this.clock.now().toISOString();
    const [facts, trend] = await Promise.all([
      gatherFacts(this.db, this.sources, [account], account.id, { today, now, cadence }),
      this.repo.trend(account.id, addDays(today, -days + 1)),
    ]);
    const verdict = judgeHealth(facts.get(account.id)!, settings);
    const language = actor.language ?? 'en';
    return {
      accountId: account.id,
      asOf: today,
      score: verdict.score,
      grade: verdict.grade,
      components: verdict.components.map((c) => presentComponent(c, settings, language)),
      trend: trend.map((p) => ({ day: p.day, score: p.score, grade: p.grade })),
    };
  }
}
