import type { Kysely } from 'kysely';
import type { z } from 'zod';
import type { LoyaltyTier, LoyaltyTierCreateSchema, LoyaltyTierUpdateSchema } from '../../../common/schemas/loyalty.js';
import type { Database } from '../../db/database.js';
import type { DB } from '../../db/schema.js';
import type { Clock } from '../../lib/clock.js';
import { fieldError, notFound } from '../../lib/errors.js';
import { newId } from '../../lib/ids.js';
import { assertAdmin, assertSeesTiers, type Actor } from '../access/index.js';
import { recordAudit, updateVersioned } from '../audit/index.js';
import { presentTier } from './loyalty.presenter.js';
import type { LoyaltyRepository } from './loyalty.repository.js';

type NewTier = z.output<typeof LoyaltyTierCreateSchema>;
type TierChanges = z.output<typeof LoyaltyTierUpdateSchema>;

/** The programme's tiers: every staff member reads them, admins change them; each change is audited. */
export class LoyaltyTierService {
  constructor(
    private readonly db: Database,
    private readonly clock: Clock,
    private readonly repo: LoyaltyRepository,
  ) {}

  async list(actor: Actor): Promise<LoyaltyTier[]> {
    assertSeesTiers(actor);
    return (await this.repo.tiers()).map(presentTier);
  }

  async get(actor: Actor, id: string): Promise<LoyaltyTier> {
    assertSeesTiers(actor);
    const row = await this.repo.tier(id);
    if (!row) throw notFound('record');
    return presentTier(row);
  }

  async create(actor: Actor, input: NewTier): Promise<LoyaltyTier> {
    assertAdmin(actor);
    return this.db.transaction().execute(async (t) => {
      await this.assertUnique(t, input.rank, input.name, null);
      const id = newId();
      const at = this.clock.now().toISOString();
      await this.repo.insertTier(t, {
        id,
        name: input.name,
        rank: input.rank,
        rules: JSON.stringify(input.rules),
        benefits: JSON.stringify(input.benefits),
        created_at: at,
        updated_at: at,
      });
      const tier = presentTier((await this.repo.tier(id, t))!);
      await recordAudit(t, { actorId: actor.id, recordType: 'loyalty_tier', recordId: id, action: 'create', after: tier, at });
      return tier;
    });
  }

  async update(actor: Actor, id: string, changes: TierChanges, expected?: number): Promise<LoyaltyTier> {
    assertAdmin(actor);
    return this.db.transaction().execute(async (t) => {
      const row = await this.repo.tier(id, t);
      if (!row) throw notFound('record');
      const before = presentTier(row);
      await this.assertUnique(t, changes.rank ?? row.rank, changes.name ?? row.name, id);
      const at = this.clock.now().toISOString();
      return updateVersioned(t, {
        table: 'loyalty_tiers',
        id,
        version: expected ?? row.version,
        set: {
          name: changes.name,
          rank: changes.rank,
          rules: changes.rules ? JSON.stringify(changes.rules) : undefined,
          benefits: changes.benefits ? JSON.stringify(changes.benefits) : undefined,
          updated_at: at,
        },
        audit: { actorId: actor.id, recordType: 'loyalty_tier', before, at },
        after: async () => presentTier((await this.repo.tier(id, t))!),
      });
    });
  }

  /** Removes a tier; accounts holding it hold none until the next evaluation, and their history keeps its name. */
  async remove(actor: Actor, id: string): Promise<void> {
    assertAdmin(actor);
    await this.db.transaction().execute(async (t) => {
      const row = await this.repo.tier(id, t);
      if (!row) throw notFound('record');
      await this.repo.deleteTier(t, id);
      const at = this.clock.now().toISOString();
      await recordAudit(t, { actorId: actor.id, recordType: 'loyalty_tier', recordId: id, action: 'delete', before: presentTier(row), at });
    });
  }

  private async assertUnique(t: Kysely<DB>, rank: number, name: string, exceptId: string | null): Promise<void> {
    const clash = await this.repo.clash(t, rank, name, exceptId);
    if (!clash) return;
    if (clash.rank === rank) throw fieldError('rank', 'loyalty.rank_taken', { name: clash.name, rank });
    throw fieldError('name', 'loyalty.name_taken', { name });
  }
}
