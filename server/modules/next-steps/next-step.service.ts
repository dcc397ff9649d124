import type { Kysely } from 'kysely';
import type { NextStep, NextStepCreate, NextStepListQuery, NextStepUpdate } from '../../../common/schemas/next-step.js';
import type { Database } from '../../db/database.js';
import { dialectOf } from '../../db/dialect.js';
import type { DB } from '../../db/schema.js';
import type { Clock } from '../../lib/clock.js';
import { conflict, fieldError, forbidden, notFound } from '../../lib/errors.js';
import { newId } from '../../lib/ids.js';
import {
  NEXT_STEP_OWNER_ROLES,
  assertCanAddToAccount,
  assertCanReadInternal,
  assertSeesInternal,
  canChangeNextStep,
  canReadAccount,
  type Actor,
  type OwnedAccount,
} from '../access/index.js';
import type { AccountService } from '../accounts/index.js';
import { recordAudit, updateVersioned } from '../audit/index.js';
import type { AgencyCalendar } from '../settings/index.js';
import type { TimelineLog } from '../timeline/index.js';
import type { UserService } from '../users/index.js';
import { ownersOf, presentNextStep, presentOfInteraction } from './next-step.presenter.js';
import { NextStepRepository, unpackNextStep, type NextStepRow, type PackedNextStep } from './next-step.repository.js';

/** The next step agreed in an interaction, as the interaction's form gives it (null: none). */
export interface InteractionNextStep {
  text: string;
  dueDate: string | null;
  ownerId: string;
}

/**
 * Next steps are promises: someone owns each, it has a date, and it is done or not (and
 * flagged overdue once its date passes in the agency's time zone). Most are agreed in a
 * meeting or call and live with that interaction; some are added on their own.
 */
export class NextStepService {
  private readonly repo: NextStepRepository;

  constructor(
    private readonly db: Database,
    private readonly clock: Clock,
    private readonly calendar: AgencyCalendar,
    private readonly accounts: AccountService,
    private readonly users: UserService,
    private readonly timeline: TimelineLog,
  ) {
    this.repo = new NextStepRepository(db);
  }

  async list(actor: Actor, query: NextStepListQuery) {
    assertSeesInternal(actor);
    const today = await this.calendar.today();
    const page = await this.repo.list(actor, query, today);
    return { items: page.items.map((r) => presentNextStep(r, today, actor)), nextCursor: page.nextCursor };
  }

  async get(actor: Actor, id: string): Promise<NextStep> {
    return presentNextStep(await this.readable(actor, id), await this.calendar.today(), actor);
  }

  /** A next step added on its own, for the account's manager (or an admin) to give to someone. */
  async create(actor: Actor, input: NextStepCreate): Promise<NextStep> {
    return this.db.transaction().execute(async (t) => {
      const account = await this.accounts.findOwned(input.accountId, t);
      assertCanAddToAccount(actor, account);
      const ownerId = input.ownerId ?? actor.id;
      await this.assertOwner(t, ownerId, account);
      const now = this.clock.now().toISOString();
      const id = newId();
      await this.repo.insert(t, {
        id,
        account_id: account.id,
        interaction_id: null,
        owner_id: ownerId,
        text: input.text,
        due_date: input.dueDate ?? null,
        created_by_id: actor.id,
        created_at: now,
        updated_at: now,
      });
      const created = await this.present(actor, id, t);
      await recordAudit(t, { actorId: actor.id, recordType: 'next_step', recordId: id, action: 'create', after: created, at: now });
      return created;
    });
  }

  async update(actor: Actor, id: string, changes: NextStepUpdate, expected?: number): Promise<NextStep> {
    return this.db.transaction().execute(async (t) => {
      const row = await this.changeable(actor, id, t);
      if (changes.ownerId !== undefined) await this.assertOwner(t, changes.ownerId, ownersOf(row));
      const now = this.clock.now().toISOString();
      return updateVersioned(t, {
        table: 'next_steps',
        id,
        version: expected ?? row.version,
        set: { text: changes.text, due_date: changes.dueDate, owner_id: changes.ownerId, updated_at: now },
        audit: { actorId: actor.id, recordType: 'next_step', before: await this.present(actor, id, t, row), at: now },
        after: () => this.present(actor, id, t),
      });
    });
  }

  /** Marks it done (who and when), or not done again; completing it also goes on the account's timeline. */
  async setDone(actor: Actor, id: string, done: boolean, expected?: number): Promise<NextStep> {
    return this.db.transaction().execute(async (t) => {
      const row = await this.changeable(actor, id, t);
      if (done && row.done_at) throw conflict('nextStep.already_done');
      if (!done && !row.done_at) throw conflict('nextStep.not_done');
      const now = this.clock.now().toISOString();
      const after = await updateVersioned(t, {
        table: 'next_steps',
        id,
        version: expected ?? row.version,
        set: { done_at: done ? now : null, done_by_id: done ? actor.id : null, updated_at: now },
        audit: { actorId: actor.id, recordType: 'next_step', before: await this.present(actor, id, t, row), at: now },
        after: () => this.present(actor, id, t),
      });
      if (done) {
        await this.timeline.recordEvent(t, {
          accountId: row.account_id,
          kind: 'next_step_done',
          actorId: actor.id,
          occurredAt: now,
          data: { nextStepId: id, text: row.text, dueDate: row.due_date, interactionId: row.interaction_id },
        });
      }
      return after;
    });
  }

  /** Removes a next step added on its own (one agreed in an interaction goes with the interaction). */
  async remove(actor: Actor, id: string): Promise<void> {
    await this.db.transaction().execute(async (t) => {
      const row = await this.changeable(actor, id, t);
      const before = await this.present(actor, id, t, row);
      await this.repo.delete(t, id);
      await recordAudit(t, {
        actorId: actor.id,
        recordType: 'next_step',
        recordId: id,
        action: 'delete',
        before,
        at: this.clock.now().toISOString(),
      });
    });
  }

  /**
   * A next step the product opens on its own in the caller's transaction (a low survey answer
   * asks the owner to follow up): no one asked for it, so no one is its author.
   */
  async addFollowUp(t: Kysely<DB>, step: { accountId: string; ownerId: string; text: string; dueDate: string | null }): Promise<string> {
    const now = this.clock.now().toISOString();
    const id = newId();
    await this.repo.insert(t, {
      id,
      account_id: step.accountId,
      interaction_id: null,
      owner_id: step.ownerId,
      text: step.text,
      due_date: step.dueDate,
      created_by_id: null,
      created_at: now,
      updated_at: now,
    });
    const after = { accountId: step.accountId, ownerId: step.ownerId, text: step.text, dueDate: step.dueDate };
    await recordAudit(t, { actorId: null, recordType: 'next_step', recordId: id, action: 'create', after, at: now });
    return id;
  }

  /**
   * Keeps the next step agreed in an interaction in line with it, in the interaction's
   * transaction: created, changed or removed (`null`) as the interaction says. A step that
   * is done keeps its state; only its words and date follow the interaction.
   */
  async syncWithInteraction(t: Kysely<DB>, interaction: { id: string; accountId: string }, step: InteractionNextStep | null, byId: string) {
    const current = await this.repo.findByInteraction(t, interaction.id);
    if (!step) {
      if (current) await this.repo.deleteOfInteraction(t, interaction.id);
      return;
    }
    if (current?.owner_id !== step.ownerId) {
      const account = (await this.accounts.findOwned(interaction.accountId, t))!;
      await this.assertOwner(t, step.ownerId, account, 'nextStepOwnerId');
    }
    const now = this.clock.now().toISOString();
    if (current) {
      await this.repo.updateOfInteraction(t, interaction.id, {
        text: step.text,
        due_date: step.dueDate,
        owner_id: step.ownerId,
        updated_at: now,
      });
      return;
    }
    await this.repo.insert(t, {
      id: newId(),
      account_id: interaction.accountId,
      interaction_id: interaction.id,
      owner_id: step.ownerId,
      text: step.text,
      due_date: step.dueDate,
      created_by_id: byId,
      created_at: now,
      updated_at: now,
    });
  }

  /** The next steps agreed in these interactions, by interaction id (one query), as the actor sees them. */
  async ofInteractions(actor: Actor, interactionIds: string[], trx?: Kysely<DB>) {
    const today = await this.calendar.today(trx);
    const rows = await this.repo.ofInteractions(interactionIds, trx);
    return new Map(rows.map((r) => [r.interaction_id!, presentOfInteraction(r, ownersOf(r), today, actor)]));
  }

  /**
   * The next steps another module's statement read with nextStepOfInteraction, by interaction
   * id, as the actor sees them; all of them of interactions of `account`.
   */
  async ofPacked(actor: Actor, account: OwnedAccount, packed: ReadonlyMap<string, PackedNextStep>) {
    if (packed.size === 0) return new Map<string, never>();
    const today = await this.calendar.today();
    const timestamp = dialectOf(this.db).jsonTimestamp;
    return new Map([...packed].map(([id, p]) => [id, presentOfInteraction(unpackNextStep(p, timestamp), account, today, actor)]));
  }

  private async readable(actor: Actor, id: string, t?: Kysely<DB>): Promise<NextStepRow> {
    const row = await this.repo.find(id, t);
    if (!row) throw notFound('next_step');
    assertCanReadInternal(actor, ownersOf(row), 'next_step');
    return row;
  }

  private async changeable(actor: Actor, id: string, t: Kysely<DB>): Promise<NextStepRow> {
    const row = await this.readable(actor, id, t);
    if (!canChangeNextStep(actor, row, ownersOf(row))) throw forbidden('nextStep.editor');
    return row;
  }

  private async present(actor: Actor, id: string, t: Kysely<DB>, row?: NextStepRow): Promise<NextStep> {
    return presentNextStep(row ?? (await this.repo.find(id, t))!, await this.calendar.today(t), actor);
  }

  /** The owner must be active staff who sees the account (so the step shows on their list). */
  private async assertOwner(
    t: Kysely<DB>,
    ownerId: string,
    account: { id: string; owner_id: string | null; backup_owner_id: string | null },
    field = 'ownerId',
  ) {
    const [owner] = await this.users.activeWithRole(t, [ownerId], NEXT_STEP_OWNER_ROLES);
    if (!owner || !canReadAccount({ id: owner.id, role: owner.role, accountId: null }, account)) throw fieldError(field, 'nextStep.owner');
  }
}
