import type { HealthComponent } from '../../../common/schemas/health.js';
import type { Database } from '../../db/database.js';
import type { HealthSnapshotsTable } from '../../db/tables/health.js';
import type { Clock } from '../../lib/clock.js';
import type { AccountService } from '../accounts/index.js';
import type { HealthRepository } from './health.repository.js';
import { judgeHealth, type Fact } from './health.rules.js';
import type { HealthSettingsService } from './health.settings.js';
import { gatherFacts, type HealthSources } from './health.sources.js';

/** A component as a snapshot keeps it: facts stay codes and params, worded for each reader later. */
export interface StoredComponent {
  component: HealthComponent;
  score: number | null;
  facts: Fact[];
}

export interface SnapshotRun {
  day: string;
  /** Active accounts judged (0 when the day was already taken). */
  accounts: number;
  repeated: boolean;
}

/**
 * The nightly snapshot: every active account's health on the day, from one or two statements
 * per source for all accounts at once (never a query per account), written in one transaction
 * with each account's latest score. A day already taken is left as it is.
 */
export class HealthSnapshots {
  constructor(
    private readonly db: Database,
    private readonly clock: Clock,
    private readonly accounts: AccountService,
    private readonly repo: HealthRepository,
    private readonly settings: HealthSettingsService,
    private readonly sources: HealthSources,
  ) {}

  async runOn(day: string): Promise<SnapshotRun> {
    const cadence = await this.sources.contactHealth.cadence();
    return this.db.transaction().execute(async (t) => {
      if (await this.repo.hasDay(t, day)) return { day, accounts: 0, repeated: true };
      const now = this.clock.now().toISOString();
      const [accounts, settings] = await Promise.all([this.accounts.activeAccounts(t), this.settings.load(t)]);
      const facts = await gatherFacts(t, this.sources, accounts, null, { today: day, now, cadence });
      const rows: HealthSnapshotsTable[] = accounts.map((a) => {
        const v = judgeHealth(facts.get(a.id)!, settings);
        const components: StoredComponent[] = v.components;
        return { account_id: a.id, day, score: v.score, grade: v.grade, components: JSON.stringify(components), created_at: now };
      });
      await this.repo.insert(t, rows);
      await this.accounts.recordHealth(
        t,
        rows.map((r) => ({ id: r.account_id, score: r.score, grade: r.grade })),
      );
      return { day, accounts: rows.length, repeated: false };
    });
  }
}
