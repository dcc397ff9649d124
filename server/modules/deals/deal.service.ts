import type { Kysely } from 'kysely';
import type { z } from 'zod';
import { DEAL_OWNER_ROLES } from '../../../common/enums.js';
import type {
  Deal,
  DealAdvanceSchema,
  DealCreateSchema,
  DealExportQuery,
  DealListQuery,
  DealStageTotal,
  DealStageChange,
  DealStageMoveSchema,
  DealUpdateSchema,
} from '../../../common/schemas/deal.js';
import type { Database } from '../../db/database.js';
import type { DB } from '../../db/schema.js';
import type { Clock } from '../../lib/clock.js';
import { fieldError, notFound } from '../../lib/errors.js';
import { newId } from '../../lib/ids.js';
import { addDays } from '../../lib/dates.js';
import { startOfLocalDay } from '../../lib/timezone.js';
import {
  assertCanAddToAccount,
  assertCanChangeDeal,
  assertCanReadDeal,
  assertSeesInternal,
  canReadAccount,
  type Actor,
  type OwnedAccount,
} from '../access/index.js';
import type { AccountService } from '../accounts/index.js';
import { recordAudit, updateVersioned } from '../audit/index.js';
import type { AgencyCalendar } from '../settings/index.js';
import type { TimelineLog } from '../timeline/index.js';
import type { UserService } from '../users/index.js';
import { accountOf, presentDeal, presentStageChange } from './deal.presenter.js';
import { DealRepository, type ClosedRange, type DealRow } from './deal.repository.js';
import type { DealSettingsService } from './deal.settings.js';
import { DealStages, type WonEvidence } from './deal.stage-move.js';

export type NewDeal = z.output<typeof DealCreateSchema>;
type DealChanges = z.output<typeof DealUpdateSchema>;
type StageMove = z.output<typeof DealStageMoveSchema>;
export type DealAdvanceInput = z.output<typeof DealAdvanceSchema>;

/**
 * Deals: sales to an account (a prospect's new business or an existing client's upsell), each
 * with an amount, an owner among the account's managers, and, while open, a next step with a
 * date. Moves along the pipeline are DealStages' (history, timeline, audit).
 */
export class DealService {
  private readonly repo: DealRepository;
  private readonly stages: DealStages;

  constructor(
    private readonly db: Database,
    private readonly clock: Clock,
    private readonly calendar: AgencyCalendar,
    private readonly accounts: AccountService,
    private readonly users: UserService,
    private readonly settings: DealSettingsService,
    timeline: TimelineLog,
  ) {
    this.repo = new DealRepository(db);
    this.stages = new DealStages(this.repo, settings, timeline);
  }

  /**
   * Deals the actor reads, filtered and sorted. With `state=open&sort=next_step&owner=…` it is
   * someone's agenda of promised next steps, overdue first (what Today will show).
   */
  async list(actor: Actor, query: DealListQuery) {
    assertSeesInternal(actor);
    const today = await this.calendar.today();
    const page = await this.repo.list(actor, query, await this.closedRange(query));
    return { items: page.items.map((r) => presentDeal(r, today, actor)), nextCursor: page.nextCursor };
  }

  /** The filtered list's count and amount per stage and currency, for the board's column headers. */
  async stageTotals(actor: Actor, query: DealExportQuery): Promise<DealStageTotal[]> {
    assertSeesInternal(actor);
    const rows = await this.repo.stageTotals(actor, query, await this.closedRange(query));
    return rows.map((r) => ({ stage: r.stage, currency: r.currency, count: Number(r.count), amount: Number(r.amount) }));
  }

  /** The query's closing dates as instants: from the start of `closedFrom` to the end of `closedTo`, in the agency's time zone. */
  async closedRange(query: Pick<DealListQuery, 'closedFrom' | 'closedTo'>): Promise<ClosedRange> {
    if (!query.closedFrom && !query.closedTo) return {};
    const zone = await this.calendar.timeZone();
    const start = (date: string) => startOfLocalDay(date, zone).toISOString();
    return {
      from: query.closedFrom && start(query.closedFrom),
      before: query.closedTo && start(addDays(query.closedTo, 1)),
    };
  }

  async get(actor: Actor, id: string): Promise<Deal> {
    const row = await this.repo.find(id);
    if (!row) throw notFound('deal');
    assertCanReadDeal(actor, accountOf(row));
    return presentDeal(row, await this.calendar.today(), actor);
  }

  /** A deal's moves along the pipeline, its opening first: for the deal's page and the sales reports. */
  async history(actor: Actor, id: string): Promise<DealStageChange[]> {
    await this.get(actor, id);
    return (await this.repo.stageChanges(id)).map(presentStageChange);
  }

  async create(actor: Actor, input: NewDeal): Promise<Deal> {
    return this.db.transaction().execute((t) => this.createIn(t, actor, input));
  }

  /** Opens a deal in the caller's transaction (a meeting logged with "create a deal" opens it with the interaction). */
  async createIn(t: Kysely<DB>, actor: Actor, input: NewDeal): Promise<Deal> {
    const account = await this.accounts.findOwned(input.accountId, t);
    assertCanAddToAccount(actor, account);
    const ownerId = input.ownerId ?? (actor.role === 'account_manager' ? actor.id : (account.owner_id ?? actor.id));
    await this.assertOwner(t, ownerId, account);
    const stage = input.stage ?? 'qualified';
    const now = this.clock.now().toISOString();
    const id = newId();
    await this.repo.insert(t, {
      id,
      account_id: account.id,
      title: input.title,
      amount: input.amount,
      currency: input.currency,
      stage,
      probability: input.probability ?? (await this.settings.probabilityOf(stage, t)),
      expected_close_date: input.expectedCloseDate,
      next_step: input.nextStep,
      next_step_due: input.nextStepDue,
      owner_id: ownerId,
      lost_reason: null,
      close_note: null,
      closed_at: null,
      created_by_id: actor.id,
      created_at: now,
      updated_at: now,
    });
    const created = await this.present(actor, id, t);
    await this.stages.recordOpening(t, created, actor.id, now);
    await recordAudit(t, { actorId: actor.id, recordType: 'deal', recordId: id, action: 'create', after: created, at: now });
    return created;
  }

  async update(actor: Actor, id: string, changes: DealChanges, expected?: number): Promise<Deal> {
    return this.db.transaction().execute((t) => this.updateIn(t, actor, id, changes, expected));
  }

  private async updateIn(t: Kysely<DB>, actor: Actor, id: string, changes: DealChanges, expected?: number): Promise<Deal> {
    const row = await this.changeable(t, actor, id);
    if (changes.ownerId !== undefined && changes.ownerId !== row.owner_id) await this.assertOwner(t, changes.ownerId, accountOf(row));
    this.stages.assertNextStep(row.stage, {
      text: changes.nextStep !== undefined ? changes.nextStep : row.next_step,
      due: changes.nextStepDue !== undefined ? changes.nextStepDue : row.next_step_due,
    });
    const now = this.clock.now().toISOString();
    return updateVersioned(t, {
      table: 'deals',
      id,
      version: expected ?? row.version,
      set: {
        title: changes.title,
        amount: changes.amount,
        currency: changes.currency,
        probability: changes.probability,
        expected_close_date: changes.expectedCloseDate,
        next_step: changes.nextStep,
        next_step_due: changes.nextStepDue,
        owner_id: changes.ownerId,
        updated_at: now,
      },
      audit: { actorId: actor.id, recordType: 'deal', before: await this.present(actor, id, t, row), at: now },
      after: () => this.present(actor, id, t),
    });
  }

  /** Moves the deal to another stage (see DealStages for the rules). */
  async moveStage(actor: Actor, id: string, move: StageMove, expected?: number): Promise<Deal> {
    return this.db.transaction().execute((t) => this.moveIn(t, actor, id, move, { note: move.note ?? null }, expected));
  }

  /**
   * The same in the caller's transaction. `evidence` is what makes a deal won: the API's note,
   * or (for the proposals module, once it exists) the accepted proposal, with or without a note.
   */
  async moveIn(t: Kysely<DB>, actor: Actor, id: string, move: StageMove, evidence: WonEvidence, expected?: number): Promise<Deal> {
    const row = await this.changeable(t, actor, id);
    const now = this.clock.now().toISOString();
    const set = await this.stages.planMove(t, row, move, evidence, now);
    const after = await updateVersioned(t, {
      table: 'deals',
      id,
      version: expected ?? row.version,
      set: { ...set, updated_at: now },
      audit: { actorId: actor.id, recordType: 'deal', before: await this.present(actor, id, t, row), at: now },
      after: () => this.present(actor, id, t),
    });
    await this.stages.recordMove(t, row, after, actor.id, evidence, now);
    return after;
  }

  /**
   * What a meeting did to an open deal of `accountId`, in the meeting's transaction: its new next
   * step (required) and, if it moved, its new stage. A closed deal is advanced only by reopening it.
   */
  async advanceIn(t: Kysely<DB>, actor: Actor, accountId: string, advance: DealAdvanceInput): Promise<Deal> {
    const row = await this.ofAccount(t, advance.dealId, accountId, 'advanceDeal.dealId');
    if (advance.stage && advance.stage !== row.stage) {
      return this.moveIn(t, actor, row.id, { ...advance, stage: advance.stage }, { note: advance.note ?? null });
    }
    this.stages.assertOpen(row);
    if (!advance.nextStep) throw fieldError('advanceDeal.nextStep', 'deal.meeting_next_step');
    if (!advance.nextStepDue) throw fieldError('advanceDeal.nextStepDue', 'deal.next_step_due_required');
    return this.updateIn(t, actor, row.id, {
      nextStep: advance.nextStep,
      nextStepDue: advance.nextStepDue,
      probability: advance.probability,
    });
  }

  /** The deal with this id on this account, or a 400 on `field` as if there were none. */
  async ofAccount(t: Kysely<DB>, dealId: string, accountId: string, field = 'dealId'): Promise<DealRow> {
    const row = await this.repo.find(dealId, t);
    if (!row || row.account_id !== accountId) throw fieldError(field, 'interaction.no_such_deal');
    return row;
  }

  private async changeable(t: Kysely<DB>, actor: Actor, id: string): Promise<DealRow> {
    const row = await this.repo.find(id, t);
    if (!row) throw notFound('deal');
    assertCanChangeDeal(actor, row, accountOf(row));
    return row;
  }

  private async present(actor: Actor, id: string, t: Kysely<DB>, row?: DealRow): Promise<Deal> {
    return presentDeal(row ?? (await this.repo.find(id, t))!, await this.calendar.today(t), actor);
  }

  /** The owner must be an active account manager (or admin) who reads the account. */
  private async assertOwner(t: Kysely<DB>, ownerId: string, account: OwnedAccount) {
    const [owner] = await this.users.activeWithRole(t, [ownerId], DEAL_OWNER_ROLES);
    if (!owner || !canReadAccount({ id: owner.id, role: owner.role, accountId: null }, account)) throw fieldError('ownerId', 'deal.owner');
  }
}
