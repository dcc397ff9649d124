import type { Kysely } from 'kysely';
import type { z } from 'zod';
import type {
  Proposal,
  ProposalContent,
  ProposalCreateSchema,
  ProposalListQuery,
  ProposalUpdateSchema,
} from '../../../common/schemas/proposal.js';
import type { Database } from '../../db/database.js';
import type { DB } from '../../db/schema.js';
import type { Clock } from '../../lib/clock.js';
import { addDays } from '../../lib/dates.js';
import { AppError, conflict, fieldError, forbidden, notFound } from '../../lib/errors.js';
import { newId } from '../../lib/ids.js';
import { assertCanChangeProposal, assertSeesInternal, canReadProposal, type Actor } from '../access/index.js';
import type { AccountService } from '../accounts/index.js';
import { recordAudit, updateVersioned } from '../audit/index.js';
import { isOpenStage, type DealService, type DealSettingsService } from '../deals/index.js';
import type { AgencyCalendar } from '../settings/index.js';
import { accountOf, dealOf, presentContent, presentProposal, presentSummary } from './proposal.presenter.js';
import { lineBodyOf, type ProposalLineBody, type ProposalPricing } from './proposal.pricing.js';
import { ProposalRepository, type ProposalRow } from './proposal.repository.js';

type NewProposal = z.output<typeof ProposalCreateSchema>;
type ProposalChanges = z.output<typeof ProposalUpdateSchema>;

/**
 * Proposals as records: made on an open deal in its currency, changed as drafts (a change after
 * sending starts the next version, the sent one staying as it was), read with their versions.
 * Sending and the client's answer are ProposalSending's and ProposalLinks'.
 */
export class ProposalService {
  readonly repo: ProposalRepository;

  constructor(
    private readonly db: Database,
    private readonly clock: Clock,
    private readonly calendar: AgencyCalendar,
    private readonly accounts: AccountService,
    private readonly deals: DealService,
    private readonly dealSettings: DealSettingsService,
    readonly pricing: ProposalPricing,
  ) {
    this.repo = new ProposalRepository(db);
  }

  async list(actor: Actor, query: ProposalListQuery) {
    assertSeesInternal(actor);
    const today = await this.calendar.today();
    const page = await this.repo.list(actor, query, today);
    return { items: page.items.map((r) => presentSummary(r, today, actor)), nextCursor: page.nextCursor };
  }

  async get(actor: Actor, id: string, trx: Kysely<DB> = this.db): Promise<Proposal> {
    const row = await this.readable(actor, id, trx);
    return this.present(actor, row, trx);
  }

  /** The proposal if the actor reads it; 404 otherwise, as if it did not exist. */
  async readable(actor: Actor, id: string, trx: Kysely<DB> = this.db): Promise<ProposalRow> {
    const row = await this.repo.find(id, trx);
    if (!row || !canReadProposal(actor, accountOf(row), row)) throw notFound('proposal');
    return row;
  }

  /** The proposal if the actor may change it and the client has not decided: 404 hidden, 403 read-only, 409 decided. */
  async changeable(actor: Actor, id: string, trx: Kysely<DB>): Promise<ProposalRow> {
    const row = await this.repo.find(id, trx);
    if (!row) throw notFound('proposal');
    assertCanChangeProposal(actor, dealOf(row), accountOf(row), row);
    if (row.status === 'accepted' || row.status === 'declined') throw conflict('proposal.decided', { status: row.status });
    return row;
  }

  async present(actor: Actor, row: ProposalRow, trx: Kysely<DB> = this.db): Promise<Proposal> {
    const today = await this.calendar.today(trx);
    return presentProposal(row, await this.content(row.id, row.latest_version, trx), today, actor);
  }

  /** One version's content (the client's reading of it when it is the sent one). */
  async content(proposalId: string, number: number, trx: Kysely<DB> = this.db): Promise<ProposalContent> {
    const version = await this.repo.version(proposalId, number, trx);
    if (!version) throw notFound('proposal');
    return presentContent(version, await this.repo.linesOf(version.id, trx));
  }

  async versions(actor: Actor, id: string): Promise<ProposalContent[]> {
    const row = await this.readable(actor, id);
    const versions = await this.repo.versions(row.id);
    // A client reads what was sent to them, never a draft of what comes next.
    const shown = actor.role === 'client' ? versions.filter((v) => v.sent_at !== null) : versions;
    return Promise.all(shown.map(async (v) => presentContent(v, await this.repo.linesOf(v.id))));
  }

  async version(actor: Actor, id: string, n: number): Promise<ProposalContent> {
    const found = (await this.versions(actor, id)).find((v) => v.number === n);
    if (!found) throw notFound('proposal');
    return found;
  }

  async create(actor: Actor, input: NewProposal): Promise<Proposal> {
    assertSeesInternal(actor);
    // Read before the transaction: the deals face reads on its own connection.
    const deal = await this.deals.get(actor, input.dealId).catch((err: unknown) => {
      if (err instanceof AppError && err.status === 404) throw fieldError('dealId', 'proposal.no_such_deal');
      throw err;
    });
    if (!deal.can.update) throw forbidden('access.account_read_only');
    if (!isOpenStage(deal.stage)) throw fieldError('dealId', 'proposal.deal_closed', { stage: deal.stage });
    return this.db.transaction().execute(async (t) => {
      const today = await this.calendar.today(t);
      // Valid for the pipeline settings' days unless the proposal says until when.
      const validUntil = input.validUntil ?? addDays(today, (await this.dealSettings.load(t)).proposalValidityDays);
      if (validUntil < today) throw fieldError('validUntil', 'proposal.valid_until_past');
      const account = (await this.accounts.findOwned(deal.accountId, t))!;
      const id = newId();
      const now = this.clock.now().toISOString();
      await this.repo.insert(t, {
        id,
        account_id: deal.accountId,
        deal_id: deal.id,
        currency: deal.currency,
        status: 'draft',
        valid_until: validUntil,
        latest_version: 1,
        sent_version: null,
        decided_at: null,
        decided_by_name: null,
        decline_reason: null,
        project_id: null,
        created_by_id: actor.id,
        created_at: now,
        updated_at: now,
      });
      const on = { accountId: deal.accountId, currency: deal.currency, language: account.language };
      await this.writeVersion(t, id, 1, { lines: input.lines, validUntil, notes: input.notes ?? null }, on, now);
      const created = await this.get(actor, id, t);
      await recordAudit(t, { actorId: actor.id, recordType: 'proposal', recordId: id, action: 'create', after: created, at: now });
      return created;
    });
  }

  /** Changes the draft; a sent proposal's change starts its next version from the sent one's content. */
  async update(actor: Actor, id: string, changes: ProposalChanges, expected?: number): Promise<Proposal> {
    return this.db.transaction().execute(async (t) => {
      const row = await this.changeable(actor, id, t);
      const before = await this.present(actor, row, t);
      const latest = (await this.repo.version(id, row.latest_version, t))!;
      const today = await this.calendar.today(t);
      const validUntil = changes.validUntil ?? latest.valid_until;
      if (changes.validUntil !== undefined && validUntil < today) throw fieldError('validUntil', 'proposal.valid_until_past');
      const lines = changes.lines ?? (await this.repo.linesOf(latest.id, t)).filter((l) => l.kind === 'item').map(lineBodyOf);
      const notes = changes.notes !== undefined ? changes.notes : latest.notes;
      const frozen = latest.sent_at !== null;
      const number = frozen ? latest.number + 1 : latest.number;
      const now = this.clock.now().toISOString();
      const on = { accountId: row.account_id, currency: row.currency, language: row.account_language };
      if (frozen) await this.writeVersion(t, id, number, { lines, validUntil, notes }, on, now);
      else await this.rewriteVersion(t, latest.id, { lines, validUntil, notes }, on);
      return updateVersioned(t, {
        table: 'proposals',
        id,
        version: expected ?? row.version,
        // The validity the client holds changes only before the first send; later, with the send.
        set: { latest_version: number, valid_until: row.sent_version === null ? validUntil : undefined, updated_at: now },
        audit: { actorId: actor.id, recordType: 'proposal', before, at: now },
        after: () => this.get(actor, id, t),
      });
    });
  }

  /** Deletes a draft that was never sent (a sent one is a record). */
  async remove(actor: Actor, id: string): Promise<void> {
    await this.db.transaction().execute(async (t) => {
      const row = await this.changeable(actor, id, t);
      if (row.sent_version !== null) throw conflict('proposal.sent_not_deleted');
      const before = await this.present(actor, row, t);
      await this.repo.remove(t, id);
      const at = this.clock.now().toISOString();
      await recordAudit(t, { actorId: actor.id, recordType: 'proposal', recordId: id, action: 'delete', before, at });
    });
  }

  private async writeVersion(
    t: Kysely<DB>,
    proposalId: string,
    number: number,
    content: { lines: ProposalLineBody[]; validUntil: string; notes: string | null },
    on: Parameters<ProposalPricing['price']>[2],
    now: string,
  ): Promise<void> {
    const { rows, totals } = await this.pricing.price(t, content.lines, on);
    const versionId = newId();
    await this.repo.insertVersion(
      t,
      {
        id: versionId,
        proposal_id: proposalId,
        number,
        valid_until: content.validUntil,
        subtotal_minor: totals.subtotalMinor,
        discount_minor: totals.discountMinor,
        total_minor: totals.totalMinor,
        notes: content.notes,
        document_id: null,
        document_number: null,
        sent_at: null,
        sent_by_id: null,
        viewed_at: null,
        created_at: now,
      },
      rows.map((r) => ({ ...r, version_id: versionId })),
    );
  }

  private async rewriteVersion(
    t: Kysely<DB>,
    versionId: string,
    content: { lines: ProposalLineBody[]; validUntil: string; notes: string | null },
    on: Parameters<ProposalPricing['price']>[2],
  ): Promise<void> {
    const { rows, totals } = await this.pricing.price(t, content.lines, on);
    await this.repo.rewriteVersion(
      t,
      versionId,
      {
        valid_until: content.validUntil,
        subtotal_minor: totals.subtotalMinor,
        discount_minor: totals.discountMinor,
        total_minor: totals.totalMinor,
        notes: content.notes,
      },
      rows.map((r) => ({ ...r, version_id: versionId })),
    );
  }
}
