import type { Kysely } from 'kysely';
import type { z } from 'zod';
import type { ClaimSource } from '../../../common/enums.js';
import type {
  Claim,
  ClaimCreateSchema,
  ClaimListQuery,
  ClaimUpdateSchema,
  PortalClaimCreateSchema,
} from '../../../common/schemas/claim.js';
import type { Database } from '../../db/database.js';
import type { DB } from '../../db/schema.js';
import type { Clock } from '../../lib/clock.js';
import { fieldError, notFound } from '../../lib/errors.js';
import { newId } from '../../lib/ids.js';
import { searchText } from '../../lib/text.js';
import {
  assertCanAddToAccount,
  assertCanChangeClaim,
  assertCanReadClaim,
  assertSeesInternal,
  owningAccount,
  type Actor,
} from '../access/index.js';
import type { AccountService } from '../accounts/index.js';
import { recordAudit, updateVersioned } from '../audit/index.js';
import type { ProjectService } from '../projects/index.js';
import type { TimelineLog } from '../timeline/index.js';
import type { UserService } from '../users/index.js';
import { presentClaim } from './claim.presenter.js';
import { ClaimRepository, type ClaimRow } from './claim.repository.js';
import type { ClaimSettingsService } from './claim.settings.js';
import { ClaimWorkflow, type StatusMove } from './claim.workflow.js';

type NewClaim = z.output<typeof ClaimCreateSchema>;
type ClaimChanges = z.output<typeof ClaimUpdateSchema>;
type Fields = z.output<typeof PortalClaimCreateSchema> & Pick<NewClaim, 'specialistIds' | 'projectIds'>;

/**
 * Another module's share of the normal deadline hours for an account (loyalty: a tier's faster
 * claims), as a percent from 1 to 100; null leaves them as the settings say.
 */
export type DeadlineAdjuster = (t: Kysely<DB>, accountId: string) => Promise<number | null> | number | null;

/**
 * Claims as staff handle them: registered on the account page, read and filtered by whoever
 * reads the account's internal records, moved along the workflow by the account's manager or an
 * admin. Each change is audited and leaves an event on the account's timeline in its transaction.
 */
export class ClaimService {
  readonly repo: ClaimRepository;
  readonly workflow: ClaimWorkflow;
  private readonly adjusters: DeadlineAdjuster[] = [];

  constructor(
    private readonly db: Database,
    private readonly clock: Clock,
    private readonly accounts: AccountService,
    private readonly projects: ProjectService,
    private readonly users: UserService,
    readonly settings: ClaimSettingsService,
    timeline: TimelineLog,
  ) {
    this.repo = new ClaimRepository(db);
    this.workflow = new ClaimWorkflow(timeline);
  }

  /** Shortens the deadlines of new claims of some accounts; the smallest share any adjuster answers wins. */
  addDeadlineAdjuster(adjuster: DeadlineAdjuster): void {
    this.adjusters.push(adjuster);
  }

  /** The percent of the normal deadline hours the account's new claims get (100 unless an adjuster shortens them). */
  private async deadlineShare(t: Kysely<DB>, accountId: string): Promise<number> {
    let share = 100;
    for (const adjust of this.adjusters) {
      const answer = await adjust(t, accountId);
      if (answer !== null && answer > 0) share = Math.min(share, answer);
    }
    return share;
  }

  async list(actor: Actor, query: ClaimListQuery) {
    assertSeesInternal(actor);
    const now = this.clock.now().toISOString();
    const page = await this.repo.list(actor, query, now);
    const links = await this.repo.links(page.items.map((r) => r.id));
    return { items: page.items.map((r) => presentClaim(r, links, actor, now)), nextCursor: page.nextCursor };
  }

  async get(actor: Actor, id: string): Promise<Claim> {
    const row = await this.repo.find(id);
    if (!row) throw notFound('claim');
    assertCanReadClaim(actor, owningAccount(row));
    return this.present(actor, id, this.db, row);
  }

  /** A manager registers a claim on an account they manage. */
  async create(actor: Actor, input: NewClaim): Promise<Claim> {
    return this.db.transaction().execute(async (t) => {
      const account = await this.accounts.findOwned(input.accountId, t);
      assertCanAddToAccount(actor, account);
      const id = await this.register(t, actor.id, account.id, input, 'manager');
      return this.present(actor, id, t);
    });
  }

  /**
   * Registers a claim in the caller's transaction (the account's access is the caller's to check):
   * deadlines from the severity's hours, the audit entry and the timeline event. Answers its id.
   */
  async register(t: Kysely<DB>, byId: string | null, accountId: string, input: Fields, source: ClaimSource): Promise<string> {
    const settings = await this.settings.load(t);
    this.assertCategory(settings.categories, input.category);
    if (input.projectId) await this.projects.assertOfAccount(t, input.projectId, accountId);
    const now = this.clock.now();
    const at = now.toISOString();
    const hours = settings.deadlines[input.severity];
    // A shortened deadline is rounded to the minute.
    const share = await this.deadlineShare(t, accountId);
    const span = (h: number) => Math.round((h * share * 60) / 100) * 60_000;
    const id = newId();
    const account = (await this.accounts.findOwned(accountId, t))!;
    await this.repo.insert(t, {
      id,
      account_id: accountId,
      project_id: input.projectId ?? null,
      category: input.category,
      severity: input.severity,
      description: input.description,
      source,
      status: 'received',
      respond_by: new Date(now.getTime() + span(hours.respondHours)).toISOString(),
      resolve_by: new Date(now.getTime() + span(hours.resolveHours)).toISOString(),
      responded_at: null,
      resolved_at: null,
      closed_at: null,
      closed_how: null,
      root_cause: null,
      root_cause_note: null,
      resolution: null,
      internal_note: null,
      created_by_id: byId,
      search_text: searchText(input.description, account.name),
      created_at: at,
      updated_at: at,
    });
    await this.link(t, id, accountId, input);
    const created = await this.present(null, id, t);
    await this.workflow.recordRegistered(t, created, settings, byId);
    await recordAudit(t, { actorId: byId, recordType: 'claim', recordId: id, action: 'create', after: created, at });
    return id;
  }

  async update(actor: Actor, id: string, changes: ClaimChanges, expected?: number): Promise<Claim> {
    return this.db.transaction().execute(async (t) => {
      const row = await this.changeable(t, actor, id);
      if (changes.category !== undefined) this.assertCategory((await this.settings.load(t)).categories, changes.category);
      if (changes.projectId) await this.projects.assertOfAccount(t, changes.projectId, row.account_id);
      const now = this.clock.now().toISOString();
      const before = await this.present(actor, id, t, row);
      await this.link(t, id, row.account_id, changes);
      return updateVersioned(t, {
        table: 'claims',
        id,
        version: expected ?? row.version,
        set: {
          project_id: changes.projectId,
          category: changes.category,
          severity: changes.severity,
          description: changes.description,
          internal_note: changes.internalNote,
          search_text: changes.description !== undefined ? searchText(changes.description, row.account_name) : undefined,
          updated_at: now,
        },
        audit: { actorId: actor.id, recordType: 'claim', before, at: now },
        after: () => this.present(actor, id, t),
      });
    });
  }

  /** Moves the claim along the workflow (see ClaimWorkflow for the rules). */
  async moveStatus(actor: Actor, id: string, move: StatusMove, expected?: number): Promise<Claim> {
    return this.db.transaction().execute(async (t) => {
      const row = await this.changeable(t, actor, id);
      return this.moveIn(t, actor.id, row, move, expected, actor);
    });
  }

  /** A move in the caller's transaction, by staff (`actor`), the client or the auto-closing job. */
  async moveIn(
    t: Kysely<DB>,
    byId: string | null,
    row: ClaimRow,
    move: StatusMove,
    expected?: number,
    actor: Actor | null = null,
    how: 'staff' | 'client' | 'auto' = 'staff',
  ): Promise<Claim> {
    const settings = await this.settings.load(t);
    const now = this.clock.now().toISOString();
    const set = this.workflow.plan(row, move, settings, now, how);
    const after = await updateVersioned(t, {
      table: 'claims',
      id: row.id,
      version: expected ?? row.version,
      set: { ...set, updated_at: now },
      audit: { actorId: byId, recordType: 'claim', before: await this.present(actor, row.id, t, row), at: now },
      after: () => this.present(actor, row.id, t),
    });
    await this.workflow.recordMove(t, row, after, settings, byId, now);
    return after;
  }

  private assertCategory(categories: { key: string }[], key: string): void {
    if (!categories.some((c) => c.key === key))
      throw fieldError('category', 'claim.no_such_category', { categories: categories.map((c) => c.key) });
  }

  /** Sets the specialists and projects involved, when given: active specialists, projects of the claim's account. */
  private async link(t: Kysely<DB>, id: string, accountId: string, input: Pick<NewClaim, 'specialistIds' | 'projectIds'>) {
    if (input.specialistIds) {
      const ids = [...new Set(input.specialistIds)];
      const found = await this.users.activeWithRole(t, ids, ['specialist']);
      if (found.length !== ids.length) throw fieldError('specialistIds', 'claim.not_specialist');
      await this.repo.setLinks(t, id, 'user', ids);
    }
    if (input.projectIds) {
      const ids = [...new Set(input.projectIds)];
      if ((await this.repo.projectsOfAccount(t, accountId, ids)).length !== ids.length)
        throw fieldError('projectIds', 'project.not_of_account');
      await this.repo.setLinks(t, id, 'project', ids);
    }
  }

  private async changeable(t: Kysely<DB>, actor: Actor, id: string): Promise<ClaimRow> {
    const row = await this.repo.find(id, t);
    if (!row) throw notFound('claim');
    assertCanChangeClaim(actor, owningAccount(row));
    return row;
  }

  /** The staff view; with no actor (a client's or the system's change), as an admin would see it, for the audit. */
  async present(actor: Actor | null, id: string, t: Kysely<DB>, row?: ClaimRow): Promise<Claim> {
    const r = row ?? (await this.repo.find(id, t))!;
    const viewer: Actor = actor ?? { id: '', role: 'admin', accountId: null };
    return presentClaim(r, await this.repo.links([id], t), viewer, this.clock.now().toISOString());
  }
}
