import type { Kysely } from 'kysely';
import type { z } from 'zod';
import type {
  Objection,
  ObjectionCategoryStats,
  ObjectionCreateSchema,
  ObjectionListQuery,
  ObjectionUpdateSchema,
  Playbook,
} from '../../../common/schemas/objection.js';
import type { Database } from '../../db/database.js';
import type { DB } from '../../db/schema.js';
import type { Clock } from '../../lib/clock.js';
import { AppError, fieldError, forbidden, notFound } from '../../lib/errors.js';
import { newId } from '../../lib/ids.js';
import { assertCanChangeObjection, assertCanReadObjection, assertSeesInternal, type Actor } from '../access/index.js';
import { recordAudit, updateVersioned } from '../audit/index.js';
import type { DealService } from '../deals/index.js';
import type { InteractionService } from '../interactions/index.js';
import type { TimelineLog } from '../timeline/index.js';
import { answerKeyOf, rankAnswers } from './objection.playbook.js';
import { accountOf, dealOf, presentObjection } from './objection.presenter.js';
import { ObjectionRepository, type ObjectionRow } from './objection.repository.js';
import type { ObjectionSettingsService } from './objection.settings.js';

type NewObjection = z.output<typeof ObjectionCreateSchema>;
type ObjectionChanges = z.output<typeof ObjectionUpdateSchema>;

/**
 * Objections: what a client objected to on a deal (in a meeting or not), the answer given and
 * what came of it. They follow their deal's access. The playbook ranks a category's answers by
 * how their deals ended (see objection.playbook.ts).
 */
export class ObjectionService {
  constructor(
    private readonly db: Database,
    private readonly clock: Clock,
    private readonly repo: ObjectionRepository,
    private readonly deals: DealService,
    private readonly interactions: InteractionService,
    private readonly settings: ObjectionSettingsService,
    private readonly timeline: TimelineLog,
  ) {}

  async list(actor: Actor, query: ObjectionListQuery) {
    assertSeesInternal(actor);
    const page = await this.repo.list(actor, query);
    return { items: page.items.map((r) => presentObjection(r, actor)), nextCursor: page.nextCursor };
  }

  async get(actor: Actor, id: string): Promise<Objection> {
    const row = await this.repo.find(id);
    if (!row) throw notFound('objection');
    assertCanReadObjection(actor, accountOf(row));
    return presentObjection(row, actor);
  }

  async create(actor: Actor, input: NewObjection): Promise<Objection> {
    const deal = await this.deals.get(actor, input.dealId).catch(asFieldError('dealId', 'objection.no_such_deal'));
    if (!deal.can.update) throw forbidden('access.account_read_only');
    if (input.interactionId) await this.assertMeetingOf(actor, input.interactionId, deal.accountId);
    return this.db.transaction().execute(async (t) => {
      const category = await this.settings.category(input.category, t);
      const answerKey = await this.answerKey(t, input.category, input.response ?? null, input.playbookAnswerId ?? null);
      const now = this.clock.now().toISOString();
      const id = newId();
      await this.repo.insert(t, {
        id,
        deal_id: deal.id,
        account_id: deal.accountId,
        interaction_id: input.interactionId ?? null,
        category: input.category,
        text: input.text,
        response: input.response ?? null,
        answer_key: answerKey,
        result: input.result,
        created_by_id: actor.id,
        created_at: now,
        updated_at: now,
      });
      const created = await this.present(t, actor, id);
      await this.timeline.recordEvent(t, {
        accountId: deal.accountId,
        kind: 'objection_logged',
        actorId: actor.id,
        occurredAt: now,
        data: {
          objectionId: id,
          dealId: deal.id,
          title: deal.title,
          category: category.key,
          categoryName: category.name,
          text: input.text,
        },
      });
      await recordAudit(t, { actorId: actor.id, recordType: 'objection', recordId: id, action: 'create', after: created, at: now });
      return created;
    });
  }

  async update(actor: Actor, id: string, changes: ObjectionChanges, expected?: number): Promise<Objection> {
    const row = await this.changeable(actor, id);
    if (changes.interactionId) await this.assertMeetingOf(actor, changes.interactionId, row.account_id);
    return this.db.transaction().execute(async (t) => {
      const categoryKey = changes.category ?? row.category;
      const category = await this.settings.category(categoryKey, t);
      const response = changes.response !== undefined ? changes.response : row.response;
      // An answer picked from the playbook stays picked while its words change, but not into another category.
      const kept = categoryKey === row.category ? pickedOf(row) : null;
      const picked = changes.playbookAnswerId !== undefined ? changes.playbookAnswerId : kept;
      const answerKey = await this.answerKey(t, categoryKey, response, picked);
      const now = this.clock.now().toISOString();
      const after = await updateVersioned(t, {
        table: 'objections',
        id,
        version: expected ?? row.version,
        set: {
          interaction_id: changes.interactionId,
          category: changes.category,
          text: changes.text,
          response: changes.response,
          result: changes.result,
          answer_key: answerKey,
          updated_at: now,
        },
        audit: { actorId: actor.id, recordType: 'objection', before: presentObjection(row, actor), at: now },
        after: () => this.present(t, actor, id),
      });
      if (after.result !== row.result) {
        await this.timeline.recordEvent(t, {
          accountId: row.account_id,
          kind: 'objection_result_set',
          actorId: actor.id,
          occurredAt: now,
          data: { objectionId: id, dealId: row.deal_id, title: row.deal_title, categoryName: category.name, result: after.result },
        });
      }
      return after;
    });
  }

  /** Deletes an objection logged by mistake, so it no longer weighs on the playbook; the audit log keeps it. */
  async remove(actor: Actor, id: string): Promise<void> {
    const row = await this.changeable(actor, id);
    await this.db.transaction().execute(async (t) => {
      await this.repo.remove(t, id);
      const at = this.clock.now().toISOString();
      await recordAudit(t, {
        actorId: actor.id,
        recordType: 'objection',
        recordId: id,
        action: 'delete',
        before: presentObjection(row, actor),
        at,
      });
    });
  }

  /** A category's answers in the playbook's order (agency-wide: the answers are the agency's experience). */
  async playbook(actor: Actor, categoryKey: string, limit: number): Promise<Playbook> {
    assertSeesInternal(actor);
    await this.settings.category(categoryKey);
    const [tallies, pins] = await Promise.all([this.repo.tallies(categoryKey), this.settings.pins()]);
    const pin = pins[categoryKey];
    const pinned = pin ? { key: answerKeyOf(pin.response), response: pin.response } : null;
    return { category: categoryKey, items: rankAnswers(tallies, pinned).slice(0, limit) };
  }

  /** Every configured category with how often it comes up and how its deals ended, most frequent first. */
  async categoryStats(actor: Actor): Promise<ObjectionCategoryStats[]> {
    assertSeesInternal(actor);
    const [{ categories }, stats] = await Promise.all([this.settings.load(), this.repo.categoryStats()]);
    const byKey = new Map(stats.map((s) => [s.category, s]));
    const configured = categories.map((c) => byKey.get(c.key) ?? { category: c.key, objections: 0, deals: 0, closedDeals: 0, wonDeals: 0 });
    return configured.sort((a, b) => b.objections - a.objections);
  }

  /** The meeting must be an interaction of the deal's account the actor reads. */
  private async assertMeetingOf(actor: Actor, interactionId: string, accountId: string) {
    const interaction = await this.interactions
      .get(actor, interactionId)
      .catch(asFieldError('interactionId', 'objection.interaction_account'));
    if (interaction.accountId !== accountId) throw fieldError('interactionId', 'objection.interaction_account');
  }

  /** The answer the response counts for: the playbook answer picked (which must be one of the category's), or its own words. */
  private async answerKey(t: Kysely<DB>, category: string, response: string | null, picked: string | null) {
    if (picked) {
      const pin = (await this.settings.pins(t))[category];
      const known = (pin && answerKeyOf(pin.response) === picked) || (await this.repo.answerUsed(t, category, picked));
      if (!known) throw fieldError('playbookAnswerId', 'objection.unknown_answer');
      return picked;
    }
    return response ? answerKeyOf(response) : null;
  }

  private async changeable(actor: Actor, id: string): Promise<ObjectionRow> {
    const row = await this.repo.find(id);
    if (!row) throw notFound('objection');
    assertCanChangeObjection(actor, dealOf(row), accountOf(row));
    return row;
  }

  private async present(t: Kysely<DB>, actor: Actor, id: string): Promise<Objection> {
    return presentObjection((await this.repo.find(id, t))!, actor);
  }
}

/** The answer key of a row whose response was picked from the playbook (it differs from its own words'), else null. */
const pickedOf = (row: ObjectionRow): string | null =>
  row.answer_key && row.answer_key !== (row.response ? answerKeyOf(row.response) : null) ? row.answer_key : null;

/** A 404 of a record the request points at is a 400 on the field that names it (nothing tells hidden from missing). */
const asFieldError =
  (field: string, code: 'objection.no_such_deal' | 'objection.interaction_account') =>
  (e: unknown): never => {
    if (e instanceof AppError && e.status === 404) throw fieldError(field, code);
    throw e;
  };
