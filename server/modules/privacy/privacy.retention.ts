import type { Kysely } from 'kysely';
import {
  PrivacySettingsSchema,
  type AccountRetention,
  type AccountRetentionUpdate,
  type PrivacySettings,
} from '../../../common/schemas/privacy.js';
import type { Database } from '../../db/database.js';
import type { DB } from '../../db/schema.js';
import type { Clock } from '../../lib/clock.js';
import { notFound } from '../../lib/errors.js';
import { assertAdmin, type Actor } from '../access/index.js';
import { recordAudit } from '../audit/index.js';
import type { SettingsService } from '../settings/index.js';

const PRIVACY_KEY = 'privacy.retention';
/** Interactions are kept for good until an admin sets a number of years. */
export const DEFAULT_PRIVACY_SETTINGS: PrivacySettings = { interactionRetentionYears: null };
/** Interactions deleted per transaction, so a first purge of years of history never holds a long lock. */
export const PURGE_BATCH = 500;

/** The first instant kept: the start of `today` (UTC) `years` years back; 29 February falls to 1 March. */
export function retentionCutoff(today: string, years: number): string {
  const [y, m, d] = today.split('-').map(Number);
  return new Date(Date.UTC(y - years, m - 1, d)).toISOString();
}

/** How long interactions are kept: the agency's years, and each account's own when it differs. */
export class RetentionService {
  constructor(
    private readonly db: Database,
    private readonly settings: SettingsService,
    private readonly clock: Clock,
  ) {}

  load(trx?: Kysely<DB>): Promise<PrivacySettings> {
    return this.settings.get(PRIVACY_KEY, PrivacySettingsSchema, DEFAULT_PRIVACY_SETTINGS, trx);
  }

  async get(actor: Actor): Promise<PrivacySettings> {
    assertAdmin(actor);
    return this.load();
  }

  async update(actor: Actor, value: PrivacySettings): Promise<PrivacySettings> {
    assertAdmin(actor);
    return this.db.transaction().execute(async (t) => {
      const before = await this.load(t);
      await this.settings.set(PRIVACY_KEY, value, t);
      const after = await this.load(t);
      const at = this.clock.now().toISOString();
      await recordAudit(t, { actorId: actor.id, recordType: 'settings', recordId: 'privacy', action: 'update', before, after, at });
      return after;
    });
  }

  async ofAccount(actor: Actor, accountId: string, trx: Kysely<DB> = this.db): Promise<AccountRetention> {
    assertAdmin(actor);
    const account = await trx.selectFrom('accounts').select('id').where('id', '=', accountId).executeTakeFirst();
    if (!account) throw notFound('account');
    const own = await trx.selectFrom('account_retention').selectAll().where('account_id', '=', accountId).executeTakeFirst();
    const agencyYears = (await this.load(trx)).interactionRetentionYears;
    return {
      accountId,
      inherit: !own,
      years: own ? own.interaction_years : null,
      agencyYears,
      effectiveYears: own ? own.interaction_years : agencyYears,
    };
  }

  async setForAccount(actor: Actor, accountId: string, change: AccountRetentionUpdate): Promise<AccountRetention> {
    assertAdmin(actor);
    return this.db.transaction().execute(async (t) => {
      const before = await this.ofAccount(actor, accountId, t);
      const now = this.clock.now().toISOString();
      if (change.inherit) await t.deleteFrom('account_retention').where('account_id', '=', accountId).execute();
      else
        await t
          .insertInto('account_retention')
          .values({ account_id: accountId, interaction_years: change.years, updated_at: now })
          .onConflict((oc) => oc.column('account_id').doUpdateSet({ interaction_years: change.years, updated_at: now }))
          .execute();
      const after = await this.ofAccount(actor, accountId, t);
      const audited = (r: AccountRetention) => ({ accountId, inherit: r.inherit, years: r.years });
      await recordAudit(t, {
        actorId: actor.id,
        recordType: 'account_retention',
        recordId: accountId,
        action: 'update',
        before: audited(before),
        after: audited(after),
        at: now,
      });
      return after;
    });
  }

  /** Each account whose interactions are purged, with its years (accounts keeping them for good are left out). */
  private async purgedAccounts(): Promise<Array<{ accountId: string; years: number }>> {
    const agencyYears = (await this.load()).interactionRetentionYears;
    const rows = await this.db
      .selectFrom('accounts')
      .leftJoin('account_retention', 'account_retention.account_id', 'accounts.id')
      .select(['accounts.id', 'account_retention.account_id as own', 'account_retention.interaction_years'])
      .$if(agencyYears === null, (q) => q.where('account_retention.interaction_years', 'is not', null))
      .orderBy('accounts.id')
      .execute();
    return rows.flatMap((r) => {
      const years = r.own ? r.interaction_years : agencyYears;
      return years === null ? [] : [{ accountId: r.id, years }];
    });
  }

  /**
   * Deletes the interactions older than each account's retention as of `today`, in batches (their
   * logged mail and next steps go with them); one audit entry per account says how many and up to when.
   */
  async purge(today: string, batch = PURGE_BATCH): Promise<{ accounts: number; interactions: number }> {
    let total = 0;
    let accounts = 0;
    for (const { accountId, years } of await this.purgedAccounts()) {
      const cutoff = retentionCutoff(today, years);
      let purged = 0;
      for (;;) {
        const n = await this.db.transaction().execute(async (t) => {
          const ids = (
            await t
              .selectFrom('interactions')
              .select('id')
              .where('account_id', '=', accountId)
              .where('occurred_at', '<', cutoff)
              .limit(batch)
              .execute()
          ).map((r) => r.id);
          if (ids.length === 0) return 0;
          await t.deleteFrom('inbound_emails').where('interaction_id', 'in', ids).execute();
          await t.deleteFrom('interactions').where('id', 'in', ids).execute();
          return ids.length;
        });
        purged += n;
        if (n < batch) break;
      }
      if (purged === 0) continue;
      accounts += 1;
      total += purged;
      await recordAudit(this.db, {
        actorId: null,
        recordType: 'interaction_retention',
        recordId: accountId,
        action: 'delete',
        before: { accountId, interactions: purged, olderThan: cutoff, years },
        at: this.clock.now().toISOString(),
      });
    }
    return { accounts, interactions: total };
  }
}
