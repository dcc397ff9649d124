import type { Kysely } from 'kysely';
import { ACCOUNT_OWNER_ROLES, type Language } from '../../../common/enums.js';
import { renderMessage } from '../../../common/messages/index.js';
import type { AtRiskAccount, LoyaltyStanding } from '../../../common/schemas/loyalty.js';
import type { Database } from '../../db/database.js';
import type { DB } from '../../db/schema.js';
import type { Clock } from '../../lib/clock.js';
import { fieldError, notFound } from '../../lib/errors.js';
import { assertCanReadStanding, assertCanSetReferral, assertSeesInternal, type Actor } from '../access/index.js';
import type { AccountService } from '../accounts/index.js';
import { recordAudit } from '../audit/index.js';
import type { UserService } from '../users/index.js';
import { checksOf, presentMove, rewardOf } from './loyalty.presenter.js';
import type { LoyaltyRepository } from './loyalty.repository.js';
import { LoyaltyBenefitsSchema } from '../../../common/schemas/loyalty.js';

/** An account's loyalty as staff read it, who referred it, and the benefits other modules apply. */
export class LoyaltyStandings {
  constructor(
    private readonly db: Database,
    private readonly clock: Clock,
    private readonly repo: LoyaltyRepository,
    private readonly accounts: AccountService,
    private readonly users: UserService,
  ) {}

  async get(actor: Actor, accountId: string): Promise<LoyaltyStanding> {
    const account = await this.accounts.findOwned(accountId);
    if (!account) throw notFound('account');
    assertCanReadStanding(actor, account);
    const [row, referral, referrals] = [
      await this.repo.standing(accountId),
      await this.repo.referralOf(accountId),
      await this.repo.referralsBy(accountId),
    ];
    const benefits = row?.tier_benefits ? LoyaltyBenefitsSchema.parse(JSON.parse(row.tier_benefits)) : null;
    const backup = account.backup_owner_id ? await this.users.activeWithRole(this.db, [account.backup_owner_id], ACCOUNT_OWNER_ROLES) : [];
    return {
      accountId,
      clientSince: account.client_since ?? null,
      tier: row?.tier_id && benefits ? { id: row.tier_id, name: row.tier_name!, rank: row.tier_rank!, benefits } : null,
      since: row?.tier_id ? row.since : null,
      atRisk: row?.at_risk === 1,
      checks: row ? checksOf(row.checks) : [],
      evaluatedAt: row?.evaluated_at ?? null,
      backupManager: backup[0] ? { id: backup[0].id, name: backup[0].name } : null,
      referredBy: referral
        ? {
            accountId: referral.referrer_id,
            name: referral.referrer_name,
            rewardedAt: referral.rewarded_at,
            reward: rewardOf(referral.reward),
          }
        : null,
      referrals: referrals.map((r) => ({
        accountId: r.account_id,
        name: r.referred_name,
        rewardedAt: r.rewarded_at,
        reward: rewardOf(r.reward),
      })),
    };
  }

  async history(actor: Actor, accountId: string, query: { limit: number; cursor?: string }) {
    const account = await this.accounts.findOwned(accountId);
    if (!account) throw notFound('account');
    assertCanReadStanding(actor, account);
    const page = await this.repo.moves(accountId, query);
    return { items: page.items.map(presentMove), nextCursor: page.nextCursor };
  }

  /** Marks who referred the account (null clears it); a reward already recorded goes with the old mark. */
  async setReferral(actor: Actor, accountId: string, referrerId: string | null): Promise<LoyaltyStanding> {
    await this.db.transaction().execute(async (t) => {
      const account = await this.accounts.findOwned(accountId, t);
      if (!account) throw notFound('account');
      assertCanSetReferral(actor, account);
      if (referrerId === accountId) throw fieldError('referrerId', 'loyalty.self_referral');
      if (referrerId) {
        const referrer = await this.accounts.findOwned(referrerId, t);
        // Any account of the agency may have brought it, read by the manager or not; one that does not exist is refused.
        if (!referrer) throw fieldError('referrerId', 'account.no_such_account');
        if ((await this.repo.referralOf(referrerId, t))?.referrer_id === accountId)
          throw fieldError('referrerId', 'loyalty.referral_cycle');
      }
      const before = await this.repo.referralOf(accountId, t);
      if ((before?.referrer_id ?? null) === referrerId) return;
      const at = this.clock.now().toISOString();
      await this.repo.setReferral(t, accountId, referrerId, at, actor.id);
      await recordAudit(t, {
        actorId: actor.id,
        recordType: 'account',
        recordId: accountId,
        action: 'update',
        before: { referredBy: before?.referrer_id ?? null },
        after: { referredBy: referrerId },
        at,
      });
    });
    return this.get(actor, accountId);
  }

  /** At-risk accounts the actor reads as of the last evaluation on or before `asOf` (the Today agenda's list). */
  async atRisk(actor: Actor | null, limit = 50): Promise<AtRiskAccount[]> {
    if (actor) assertSeesInternal(actor);
    const rows = await this.repo.atRisk(actor, limit);
    return rows.map((r) => ({ accountId: r.id, name: r.name, tierName: r.tier_name, checks: checksOf(r.checks).filter((c) => c.near) }));
  }

  /** The held tier's discount with its line's wording in the account's language, or null. */
  async discountOf(t: Kysely<DB>, accountId: string): Promise<{ percent: number; reason: string } | null> {
    const row = await this.repo.standing(accountId, t);
    if (!row?.tier_id || !row.tier_benefits) return null;
    const { discountPercent } = LoyaltyBenefitsSchema.parse(JSON.parse(row.tier_benefits));
    if (discountPercent <= 0) return null;
    const language: Language = (await this.accounts.findOwned(accountId, t))?.language ?? 'en';
    return {
      percent: discountPercent,
      reason: renderMessage('loyalty.discount_line', { tier: row.tier_name!, percent: discountPercent }, language),
    };
  }

  /** The held tier's share of the normal claim deadlines, or null for the normal hours. */
  async deadlineShareOf(t: Kysely<DB>, accountId: string): Promise<number | null> {
    const row = await this.repo.standing(accountId, t);
    if (!row?.tier_id || !row.tier_benefits) return null;
    const share = LoyaltyBenefitsSchema.parse(JSON.parse(row.tier_benefits)).claimDeadlinePercent;
    return share < 100 ? share : null;
  }
}
