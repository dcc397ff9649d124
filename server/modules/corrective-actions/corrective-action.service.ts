import type { Kysely } from 'kysely';
import type { z } from 'zod';
import type {
  CheckFigures,
  CorrectiveAction,
  CorrectiveActionCheckSchema,
  CorrectiveActionCreateSchema,
  CorrectiveActionListQuery,
  CorrectiveActionUpdateSchema,
} from '../../../common/schemas/corrective-action.js';
import type { Database } from '../../db/database.js';
import type { DB } from '../../db/schema.js';
import type { Clock } from '../../lib/clock.js';
import { conflict, fieldError, forbidden, notFound } from '../../lib/errors.js';
import { newId } from '../../lib/ids.js';
import {
  assertCanChangeCorrectiveAction,
  assertCanReadCorrectiveAction,
  assertOpensCorrectiveActions,
  assertSeesInternal,
  canChangeClaim,
  canReadClaim,
  type Actor,
} from '../access/index.js';
import { recordAudit, updateVersioned } from '../audit/index.js';
import type { ClaimFact, ClaimFacts } from '../claims/index.js';
import type { UserService } from '../users/index.js';
import type { CheckFiguresCalculator } from './corrective-action.figures.js';
import { accessOf, presentCorrectiveAction } from './corrective-action.presenter.js';
import type { CorrectiveActionRepository, CorrectiveActionRow } from './corrective-action.repository.js';
import type { CorrectiveActionEvents } from './corrective-action.events.js';

type NewAction = z.output<typeof CorrectiveActionCreateSchema>;
type Plan = Pick<NewAction, 'what' | 'ownerId' | 'dueOn' | 'checkOn'>;
type Changes = z.output<typeof CorrectiveActionUpdateSchema>;
type Check = z.output<typeof CorrectiveActionCheckSchema>;

/** The claims a root cause's action is linked to when opened: the opener's, newest first. */
const ROOT_CAUSE_CLAIMS = 200;
const OWNER_ROLES = ['admin', 'account_manager'] as const;
const owner = (account: { ownerId: string | null; backupOwnerId: string | null; accountId: string }) => ({
  id: account.accountId,
  owner_id: account.ownerId,
  backup_owner_id: account.backupOwnerId,
});

/**
 * Corrective actions: opened on a claim or for a root cause, changed while open, and closed only
 * by their effectiveness check, whose figures are computed for the checker and frozen with the
 * result; an action found not effective opens its follow-up in the same transaction.
 */
export class CorrectiveActionService {
  constructor(
    private readonly db: Database,
    private readonly clock: Clock,
    private readonly repo: CorrectiveActionRepository,
    private readonly claims: ClaimFacts,
    private readonly figures: CheckFiguresCalculator,
    private readonly users: UserService,
    private readonly events: CorrectiveActionEvents,
  ) {}

  async list(actor: Actor, query: CorrectiveActionListQuery) {
    assertSeesInternal(actor);
    const page = await this.repo.list(actor, query);
    const ids = page.items.map((r) => r.id);
    const [claims, followUps] = await Promise.all([this.repo.claimsOf(ids), this.repo.followUpsOf(ids)]);
    return { items: page.items.map((r) => presentCorrectiveAction(r, claims, followUps, actor)), nextCursor: page.nextCursor };
  }

  async get(actor: Actor, id: string): Promise<CorrectiveAction> {
    const row = await this.readable(actor, id);
    return this.present(actor, row, this.db);
  }

  /** The check's figures as of now, for the checker to judge by (nothing is recorded). */
  async preview(actor: Actor, id: string, sameAccount: boolean): Promise<CheckFigures> {
    const row = await this.readable(actor, id);
    return this.figures.compute(this.db, row, await this.repo.claimsOf([id]), sameAccount, this.clock.now().toISOString());
  }

  async create(actor: Actor, input: NewAction): Promise<CorrectiveAction> {
    assertOpensCorrectiveActions(actor);
    return this.db.transaction().execute(async (t) => {
      const id = await this.open(t, actor, input, null);
      return this.present(actor, (await this.repo.find(id, t))!, t);
    });
  }

  async update(actor: Actor, id: string, changes: Changes, expected?: number): Promise<CorrectiveAction> {
    return this.db.transaction().execute(async (t) => {
      const row = await this.changeable(t, actor, id);
      const plan = { dueOn: changes.dueOn ?? row.due_on, checkOn: changes.checkOn ?? row.check_on };
      if (plan.checkOn < plan.dueOn) throw fieldError('checkOn', 'corrective.check_after_due');
      if (changes.ownerId) await this.assertOwner(t, changes.ownerId);
      const now = this.clock.now().toISOString();
      return updateVersioned(t, {
        table: 'corrective_actions',
        id,
        version: expected ?? row.version,
        set: { what: changes.what, owner_id: changes.ownerId, due_on: changes.dueOn, check_on: changes.checkOn, updated_at: now },
        audit: { actorId: actor.id, recordType: 'corrective_action', before: await this.present(actor, row, t), at: now },
        after: async () => this.present(actor, (await this.repo.find(id, t))!, t),
      });
    });
  }

  /** Records the check: its result closes the action; "not effective" opens the follow-up, all in one transaction. */
  async check(actor: Actor, id: string, check: Check, expected?: number): Promise<CorrectiveAction> {
    return this.db.transaction().execute(async (t) => {
      const row = await this.changeable(t, actor, id);
      const now = this.clock.now().toISOString();
      const claims = await this.repo.claimsOf([id], t);
      const figures = await this.figures.compute(t, row, claims, check.sameAccount, now);
      const after = await updateVersioned(t, {
        table: 'corrective_actions',
        id,
        version: expected ?? row.version,
        set: {
          status: 'checked',
          result: check.result,
          check_note: check.note ?? null,
          check_figures: JSON.stringify(figures),
          root_cause: figures.rootCause,
          checked_at: now,
          checked_by_id: actor.id,
          updated_at: now,
        },
        audit: { actorId: actor.id, recordType: 'corrective_action', before: await this.present(actor, row, t), at: now },
        after: async () => this.present(actor, (await this.repo.find(id, t))!, t),
      });
      let followUpId: string | null = null;
      if (check.result === 'not_effective' && check.followUp) {
        const base = {
          ...check.followUp,
          claimId: row.claim_id ?? undefined,
          rootCause: row.scope === 'root_cause' ? row.root_cause! : undefined,
        };
        followUpId = await this.open(t, actor, base, { of: row, claims });
      }
      await this.events.checked(t, after, figures, followUpId, actor.id, now);
      return followUpId ? this.present(actor, (await this.repo.find(id, t))!, t) : after;
    });
  }

  /** Open actions due, or due for their check, by `asOf` (YYYY-MM-DD), for an agenda: by check date. */
  async dueChecks(asOf: string, limit = 500, ownerId?: string) {
    const rows = await this.repo.due(asOf, limit, ownerId);
    const claims = await this.repo.claimsOf(rows.map((r) => r.id));
    return rows.map((r) => ({
      id: r.id,
      what: r.what,
      ownerId: r.owner_id,
      dueOn: r.due_on,
      checkOn: r.check_on,
      checkDue: r.check_on <= asOf,
      accountIds: [...new Set(claims.filter((c) => c.action_id === r.id).map((c) => c.account_id))],
      accounts: [...new Map(claims.filter((c) => c.action_id === r.id).map((c) => [c.account_id, c.account_name])).entries()].map(
        ([id, name]) => ({ id, name }),
      ),
    }));
  }

  /**
   * Inserts an action with its claims, audit entry and timeline events. A follow-up keeps the
   * claims of the action it follows; a new root cause's action takes the opener's claims of it.
   */
  private async open(
    t: Kysely<DB>,
    actor: Actor,
    input: Plan & { claimId?: string; rootCause?: string },
    followUp: { of: CorrectiveActionRow; claims: { claim_id: string; account_id: string }[] } | null,
  ): Promise<string> {
    await this.assertOwner(t, input.ownerId);
    let linked: { claim_id: string; account_id: string }[];
    let rootCause: string | null;
    if (followUp) {
      linked = followUp.claims.map((c) => ({ claim_id: c.claim_id, account_id: c.account_id }));
      rootCause = followUp.of.root_cause;
    } else if (input.claimId) {
      const claim = await this.claimToAct(t, actor, input.claimId);
      linked = [{ claim_id: claim.id, account_id: claim.accountId }];
      rootCause = claim.rootCause;
    } else {
      const keys = await this.claims.rootCauseKeys(t);
      if (!keys.includes(input.rootCause!)) throw fieldError('rootCause', 'corrective.no_such_root_cause', { rootCauses: keys });
      const found = await this.claims.ofRootCause(t, actor, input.rootCause!, ROOT_CAUSE_CLAIMS);
      linked = found.map((c) => ({ claim_id: c.id, account_id: c.accountId }));
      rootCause = input.rootCause!;
    }
    const at = this.clock.now().toISOString();
    const row = {
      id: newId(),
      created_at: at,
      updated_at: at,
      scope: input.claimId ? ('claim' as const) : ('root_cause' as const),
      claim_id: input.claimId ?? null,
      root_cause: rootCause,
      what: input.what,
      owner_id: input.ownerId,
      due_on: input.dueOn,
      check_on: input.checkOn,
      status: 'open' as const,
      follow_up_of_id: followUp?.of.id ?? null,
      created_by_id: actor.id,
    };
    await this.repo.insert(t, row, linked);
    const created = await this.present(actor, (await this.repo.find(row.id, t))!, t);
    await recordAudit(t, { actorId: actor.id, recordType: 'corrective_action', recordId: row.id, action: 'create', after: created, at });
    await this.events.created(
      t,
      created,
      linked.map((c) => c.account_id),
      actor.id,
      at,
    );
    return row.id;
  }

  /** A claim the actor may act on: one they cannot read answers like one that does not exist. */
  private async claimToAct(t: Kysely<DB>, actor: Actor, id: string): Promise<ClaimFact> {
    const claim = await this.claims.find(id, t);
    if (!claim || !canReadClaim(actor, owner(claim))) throw fieldError('claimId', 'corrective.no_such_claim');
    if (!canChangeClaim(actor, owner(claim))) throw forbidden('access.account_read_only');
    return claim;
  }

  private async assertOwner(t: Kysely<DB>, id: string): Promise<void> {
    if ((await this.users.activeWithRole(t, [id], OWNER_ROLES)).length !== 1) throw fieldError('ownerId', 'corrective.owner_not_staff');
  }

  private async readable(actor: Actor, id: string, t: Kysely<DB> = this.db): Promise<CorrectiveActionRow> {
    const row = await this.repo.find(id, t);
    if (!row) throw notFound('corrective_action');
    assertCanReadCorrectiveAction(actor, accessOf(row, await this.repo.claimsOf([id], t)));
    return row;
  }

  private async changeable(t: Kysely<DB>, actor: Actor, id: string): Promise<CorrectiveActionRow> {
    const row = await this.repo.find(id, t);
    if (!row) throw notFound('corrective_action');
    assertCanChangeCorrectiveAction(actor, accessOf(row, await this.repo.claimsOf([id], t)));
    if (row.status !== 'open') throw conflict('corrective.already_checked');
    return row;
  }

  private async present(actor: Actor, row: CorrectiveActionRow, t: Kysely<DB>): Promise<CorrectiveAction> {
    const claims = await this.repo.claimsOf([row.id], t);
    return presentCorrectiveAction(row, claims, await this.repo.followUpsOf([row.id], t), actor);
  }
}
