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
import { updateIfVersion } from '../../db/versioned.js';
import type { Clock } from '../../lib/clock.js';
import { toIso } from '../../lib/clock.js';
import { fieldError, notFound, preconditionFailed } from '../../lib/errors.js';
import { newId } from '../../lib/ids.js';
import { searchText } from '../../lib/text.js';
import type { Actor } from '../access/actor.js';
import { assertCanAddToAccount, assertCanManageAccount, assertCanReadInternal, assertSeesInternal } from '../access/policy.js';
import { recordAudit } from '../audit/audit.recorder.js';
import type { AccountService } from '../accounts/account.service.js';
import { presentInteraction, type InteractionRow } from './interaction.presenter.js';
import { InteractionRepository } from './interaction.repository.js';

type NewInteraction = z.output<typeof InteractionCreateSchema>;
type InteractionChanges = z.output<typeof InteractionUpdateSchema>;

/** Meetings, calls, emails and notes logged against an account: internal records. */
export class InteractionService {
  readonly repo: InteractionRepository;

  constructor(
    private readonly db: Database,
    private readonly clock: Clock,
    private readonly accounts: AccountService,
  ) {
    this.repo = new InteractionRepository(db);
  }

  async list(actor: Actor, query: InteractionListQuery) {
    assertSeesInternal(actor);
    const page = await this.repo.list(actor, query);
    const contacts = await this.repo.contactIds(page.items.map((r) => r.id));
    return { items: page.items.map((r) => presentInteraction(r, contacts.get(r.id)!)), nextCursor: page.nextCursor };
  }

  async get(actor: Actor, id: string): Promise<Interaction> {
    const row = await this.repo.findById(id);
    if (!row) throw notFound('interaction');
    const account = await this.accounts.findOwned(row.account_id);
    assertCanReadInternal(actor, account!, 'interaction');
    return this.present(row);
  }

  /** Presents a row already read with its contact ids (the timeline's). */
  presentRow(row: InteractionRow, contactIds: string[]): Interaction {
    return presentInteraction(row, contactIds);
  }

  async create(actor: Actor, input: NewInteraction): Promise<Interaction> {
    return this.db.transaction().execute(async (t) => {
      const account = await this.accounts.findOwned(input.accountId, t);
      assertCanAddToAccount(actor, account);
      const contactIds = input.contactIds ?? [];
      await this.assertContactsOf(t, input.accountId, contactIds);
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
          next_step: input.nextStep ?? null,
          next_step_due: input.nextStepDue ?? null,
          deal_id: input.dealId ?? null,
          project_id: input.projectId ?? null,
          author_id: actor.id,
          search_text: searchText(input.summary, input.outcome, input.nextStep),
          created_at: now,
          updated_at: now,
        },
        contactIds,
      );
      const created = await this.present((await this.repo.findById(id, t))!, t);
      await recordAudit(t, { actorId: actor.id, recordType: 'interaction', recordId: id, action: 'create', after: created, at: now });
      return created;
    });
  }

  async update(actor: Actor, id: string, changes: InteractionChanges, expected?: number): Promise<Interaction> {
    return this.db.transaction().execute(async (t) => {
      const row = await this.loadForWrite(t, actor, id);
      const before = await this.present(row, t);
      if (changes.contactIds) await this.assertContactsOf(t, row.account_id, changes.contactIds);
      const now = this.clock.now().toISOString();
      const keep = <T>(v: T | undefined, current: T) => (v !== undefined ? v : current);
      const ok = await updateIfVersion(t, 'interactions', id, expected ?? row.version, {
        type: changes.type,
        occurred_at: changes.occurredAt ? toIso(changes.occurredAt) : undefined,
        summary: changes.summary,
        outcome: changes.outcome,
        next_step: changes.nextStep,
        next_step_due: changes.nextStepDue,
        deal_id: changes.dealId,
        project_id: changes.projectId,
        search_text: searchText(changes.summary ?? row.summary, keep(changes.outcome, row.outcome), keep(changes.nextStep, row.next_step)),
        updated_at: now,
      });
      if (!ok) throw preconditionFailed();
      if (changes.contactIds) await this.repo.setContacts(t, id, changes.contactIds);
      const after = await this.present((await this.repo.findById(id, t))!, t);
      await recordAudit(t, { actorId: actor.id, recordType: 'interaction', recordId: id, action: 'update', before, after, at: now });
      return after;
    });
  }

  async remove(actor: Actor, id: string): Promise<void> {
    await this.db.transaction().execute(async (t) => {
      const row = await this.loadForWrite(t, actor, id);
      const before = await this.present(row, t);
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

  private async present(row: InteractionRow, trx?: Kysely<DB>) {
    const contacts = await this.repo.contactIds([row.id], trx);
    return presentInteraction(row, contacts.get(row.id)!);
  }

  private async loadForWrite(t: Kysely<DB>, actor: Actor, id: string) {
    const row = await this.repo.findById(id, t);
    if (!row) throw notFound('interaction');
    const account = (await this.accounts.findOwned(row.account_id, t))!;
    assertCanReadInternal(actor, account, 'interaction');
    assertCanManageAccount(actor, account);
    return row;
  }

  /** Every linked contact must belong to the interaction's account. */
  private async assertContactsOf(t: Kysely<DB>, accountId: string, contactIds: string[]) {
    if (contactIds.length === 0) return;
    const unique = [...new Set(contactIds)];
    const found = await t.selectFrom('contacts').select('id').where('id', 'in', unique).where('account_id', '=', accountId).execute();
    if (found.length !== unique.length) throw fieldError('contactIds', 'Every contact must belong to this account');
  }
}
