import type { Kysely } from 'kysely';
import type { z } from 'zod';
import type {
  Interaction,
  InteractionCreateSchema,
  InteractionListQuery,
  InteractionUpdateSchema,
} from '../../../common/schemas/interaction.js';
import type { Database } from '../../db/database.js';
import type { DB } from '../../db/schema.js';
import type { Clock } from '../../lib/clock.js';
import { toIso } from '../../lib/clock.js';
import { fieldError, notFound } from '../../lib/errors.js';
import { newId } from '../../lib/ids.js';
import { searchText } from '../../lib/text.js';
import {
  assertCanAddToAccount,
  assertCanManageAccount,
  assertCanReadInternal,
  assertSeesInternal,
  type Actor,
  type OwnedAccount,
} from '../access/index.js';
import type { AccountService } from '../accounts/index.js';
import { recordAudit, updateVersioned } from '../audit/index.js';
import type { ContactService } from '../contacts/index.js';
import { isOpenStage, type DealService } from '../deals/index.js';
import type { NextStepService } from '../next-steps/index.js';
import type { ProjectService } from '../projects/index.js';
import { presentInteraction, type InteractionRow, type NextStepOfInteraction } from './interaction.presenter.js';
import { InteractionRepository } from './interaction.repository.js';

type NewInteraction = z.output<typeof InteractionCreateSchema>;
type InteractionChanges = z.output<typeof InteractionUpdateSchema>;

/** Called in the transaction that logs an interaction, with it as logged and who logged it. */
export type LoggedListener = (trx: Kysely<DB>, interaction: Interaction, actorId: string, at: string) => Promise<void>;

/** Meetings, calls, emails and notes logged against an account: internal records. */
export class InteractionService {
  private readonly repo: InteractionRepository;
  private readonly loggedListeners: LoggedListener[] = [];

  constructor(
    private readonly db: Database,
    private readonly clock: Clock,
    private readonly accounts: AccountService,
    private readonly contacts: ContactService,
    private readonly projects: ProjectService,
    private readonly nextSteps: NextStepService,
    private readonly deals: DealService,
  ) {
    this.repo = new InteractionRepository(db);
  }

  /** Lets another module act on every interaction logged (webhooks), in its transaction. */
  onLogged(listener: LoggedListener): void {
    this.loggedListeners.push(listener);
  }

  async list(actor: Actor, query: InteractionListQuery) {
    assertSeesInternal(actor);
    const page = await this.repo.list(actor, query);
    const accounts = await this.accounts.ownership(page.items.map((r) => r.account_id));
    return { items: await this.presentMany(actor, page.items, accounts), nextCursor: page.nextCursor };
  }

  async get(actor: Actor, id: string): Promise<Interaction> {
    const row = await this.repo.findById(id);
    if (!row) throw notFound('interaction');
    const account = await this.accounts.findOwned(row.account_id);
    assertCanReadInternal(actor, account!, 'interaction');
    return this.present(actor, account!, row);
  }

  async create(actor: Actor, input: NewInteraction): Promise<Interaction> {
    return this.db.transaction().execute((t) => this.createIn(t, actor, input));
  }

  /** Logs an interaction inside the caller's transaction (mail filed from the dropbox with its own record). */
  async createIn(t: Kysely<DB>, actor: Actor, input: NewInteraction): Promise<Interaction> {
    const account = await this.accounts.findOwned(input.accountId, t);
    assertCanAddToAccount(actor, account);
    const contactIds = input.contactIds ?? [];
    await this.contacts.assertBelongTo(t, input.accountId, contactIds);
    if (input.projectId) await this.projects.assertOfAccount(t, input.projectId, input.accountId);
    const dealId = await this.dealOfNew(t, actor, input);
    const step = nextStepOf(input.nextStep ?? null, input.nextStepDue ?? null, input.nextStepOwnerId ?? actor.id);
    const now = this.clock.now().toISOString();
    const id = newId();
    await this.repo.insert(
      t,
      {
        id,
        account_id: input.accountId,
        type: input.type,
        occurred_at: toIso(input.occurredAt),
        summary: input.summary,
        outcome: input.outcome ?? null,
        deal_id: dealId,
        project_id: input.projectId ?? null,
        author_id: actor.id,
        search_text: searchText(input.summary, input.outcome, input.nextStep),
        created_at: now,
        updated_at: now,
      },
      contactIds,
    );
    await this.nextSteps.syncWithInteraction(t, { id, accountId: input.accountId }, step, actor.id);
    const created = await this.present(actor, account, (await this.repo.findById(id, t))!, t);
    await recordAudit(t, { actorId: actor.id, recordType: 'interaction', recordId: id, action: 'create', after: created, at: now });
    for (const listener of this.loggedListeners) await listener(t, created, actor.id, now);
    return created;
  }

  async update(actor: Actor, id: string, changes: InteractionChanges, expected?: number): Promise<Interaction> {
    return this.db.transaction().execute(async (t) => {
      const { row, account } = await this.loadForWrite(t, actor, id);
      const before = await this.present(actor, account, row, t);
      if (changes.contactIds) await this.contacts.assertBelongTo(t, row.account_id, changes.contactIds);
      await this.assertLinks(t, row.account_id, changes.projectId ?? null, changes.dealId ?? null);
      const now = this.clock.now().toISOString();
      const keep = <T>(v: T | undefined, current: T) => (v !== undefined ? v : current);
      const stepChanged = changes.nextStep !== undefined || changes.nextStepDue !== undefined || changes.nextStepOwnerId !== undefined;
      // Clearing the words clears the date with them, unless a new date is given (refused then).
      const step = nextStepOf(
        keep(changes.nextStep, before.nextStep),
        changes.nextStep === null && changes.nextStepDue === undefined ? null : keep(changes.nextStepDue, before.nextStepDue),
        changes.nextStepOwnerId ?? before.nextStepTracking?.ownerId ?? actor.id,
      );
      return updateVersioned(t, {
        table: 'interactions',
        id,
        version: expected ?? row.version,
        set: {
          type: changes.type,
          occurred_at: changes.occurredAt ? toIso(changes.occurredAt) : undefined,
          summary: changes.summary,
          outcome: changes.outcome,
          deal_id: changes.dealId,
          project_id: changes.projectId,
          search_text: searchText(changes.summary ?? row.summary, keep(changes.outcome, row.outcome), step?.text),
          updated_at: now,
        },
        audit: { actorId: actor.id, recordType: 'interaction', before, at: now },
        after: async () => {
          if (changes.contactIds) await this.repo.setContacts(t, id, changes.contactIds);
          if (stepChanged) await this.nextSteps.syncWithInteraction(t, { id, accountId: row.account_id }, step, actor.id);
          return this.present(actor, account, (await this.repo.findById(id, t))!, t);
        },
      });
    });
  }

  async remove(actor: Actor, id: string): Promise<void> {
    await this.db.transaction().execute(async (t) => {
      const { row, account } = await this.loadForWrite(t, actor, id);
      const before = await this.present(actor, account, row, t);
      await this.repo.delete(t, id);
      await recordAudit(t, {
        actorId: actor.id,
        recordType: 'interaction',
        recordId: id,
        action: 'delete',
        before,
        at: this.clock.now().toISOString(),
      });
    });
  }

  private async present(actor: Actor, account: OwnedAccount, row: InteractionRow, trx?: Kysely<DB>) {
    return (await this.presentMany(actor, [row], new Map([[account.id, account]]), { trx }))[0];
  }

  /**
   * Interactions with their contacts and next steps (unless already read), judged by their
   * accounts' ownership: a query each for the whole page.
   */
  async presentMany(
    actor: Actor,
    rows: InteractionRow[],
    accounts: ReadonlyMap<string, OwnedAccount>,
    {
      trx,
      contactIds,
      nextSteps,
    }: { trx?: Kysely<DB>; contactIds?: ReadonlyMap<string, string[]>; nextSteps?: ReadonlyMap<string, NextStepOfInteraction> } = {},
  ): Promise<Interaction[]> {
    const ids = rows.map((r) => r.id);
    const [contacts, steps] = await Promise.all([
      contactIds ?? this.repo.contactIds(ids, trx),
      nextSteps ?? (rows.length ? this.nextSteps.ofInteractions(actor, ids, trx) : new Map<string, never>()),
    ]);
    return rows.map((r) => presentInteraction(r, contacts.get(r.id) ?? [], steps.get(r.id), actor, accounts.get(r.account_id)!));
  }

  private async loadForWrite(t: Kysely<DB>, actor: Actor, id: string) {
    const row = await this.repo.findById(id, t);
    if (!row) throw notFound('interaction');
    const account = (await this.accounts.findOwned(row.account_id, t))!;
    assertCanReadInternal(actor, account, 'interaction');
    assertCanManageAccount(actor, account);
    return { row, account };
  }

  /** A linked project or deal must be one of the account's (the actor manages the account). */
  private async assertLinks(t: Kysely<DB>, accountId: string, projectId: string | null, dealId: string | null) {
    if (projectId) await this.projects.assertOfAccount(t, projectId, accountId);
    if (dealId) await this.deals.ofAccount(t, dealId, accountId);
  }

  /**
   * The deal a new interaction is about, opened or advanced in its transaction as its form says.
   * A meeting on an open deal must move the deal on: it sets the deal's next step.
   */
  private async dealOfNew(t: Kysely<DB>, actor: Actor, input: NewInteraction): Promise<string | null> {
    const { createDeal, advanceDeal, accountId } = input;
    if (createDeal && advanceDeal) throw fieldError('advanceDeal', 'deal.create_or_advance');
    if (createDeal) {
      if (input.dealId) throw fieldError('dealId', 'deal.create_or_advance');
      return (await this.deals.createIn(t, actor, { ...createDeal, accountId })).id;
    }
    if (advanceDeal) {
      if (input.dealId && input.dealId !== advanceDeal.dealId) throw fieldError('dealId', 'deal.other_deal');
      return (await this.deals.advanceIn(t, actor, accountId, advanceDeal)).id;
    }
    if (!input.dealId) return null;
    const deal = await this.deals.ofAccount(t, input.dealId, accountId);
    if (input.type === 'meeting' && isOpenStage(deal.stage)) throw fieldError('advanceDeal', 'deal.meeting_next_step');
    return deal.id;
  }
}

/** The next step the interaction's form describes; a date or owner without words is refused. */
function nextStepOf(text: string | null | undefined, dueDate: string | null | undefined, ownerId: string) {
  if (!text) {
    if (dueDate) throw fieldError('nextStepDue', 'nextStep.due_without_step');
    return null;
  }
  return { text, dueDate: dueDate ?? null, ownerId };
}
