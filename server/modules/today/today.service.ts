import { renderMessage, type Language, type ParamValue } from '../../../common/messages/index.js';
import { AGENDA_GROUPS, AGENDA_SEVERITIES, type AgendaGroup, type AgendaItem, type Today } from '../../../common/schemas/today.js';
import type { Database } from '../../db/database.js';
import type { Clock } from '../../lib/clock.js';
import { fieldError, notFound } from '../../lib/errors.js';
import { assertHasToday, assertMayCover, type Actor, type AgendaSubject } from '../access/index.js';
import type { AgencyCalendar } from '../settings/index.js';
import type { UserService } from '../users/index.js';
import { lateDays, scopeOn, type AgendaEntry, type AgendaProvider, type AgendaScope } from './agenda.js';
import { AgendaMarkRepository } from './today.repository.js';

/** Whether one user backs up another's accounts (the accounts module answers; Today must not import it: accounts contribute to Today). */
export interface BackupLookup {
  backsUp(userId: string, colleagueId: string): Promise<boolean>;
}

/** A message parameter as the API sends it: lists joined. */
const flatParam = (v: ParamValue): string | number | boolean | null =>
  Array.isArray(v) ? v.join(', ') : ((v as string | number | boolean | null | undefined) ?? null);

const SEVERITY_RANK = Object.fromEntries(AGENDA_SEVERITIES.map((s, i) => [s, AGENDA_SEVERITIES.length - i]));

/** Most urgent first: the earliest due, then the most severe, then by key so the order is stable. */
export const byUrgency = (a: AgendaEntry, b: AgendaEntry) =>
  a.due.localeCompare(b.due) || SEVERITY_RANK[a.severity] - SEVERITY_RANK[b.severity] || a.key.localeCompare(b.key);

/**
 * Today: one agenda per person, merged from the providers the modules contribute, grouped
 * Overdue / Today / This week and ordered by urgency, minus what the person snoozed, did or
 * dismissed. Items are computed on every read; only the marks are stored.
 */
export class TodayService {
  private readonly providers: AgendaProvider[] = [];
  private readonly marks: AgendaMarkRepository;

  constructor(
    private readonly db: Database,
    private readonly clock: Clock,
    private readonly calendar: AgencyCalendar,
    private readonly accounts: BackupLookup,
    private readonly users: UserService,
  ) {
    this.marks = new AgendaMarkRepository(db);
  }

  /** Adds a source of items; each module that owns one registers it once, at composition. */
  addProvider(provider: AgendaProvider): void {
    this.providers.push(provider);
  }

  /** The registered providers (for benchmarks and diagnostics). */
  sources(): readonly AgendaProvider[] {
    return this.providers;
  }

  /** The actor's Today, or (`as`) a colleague's, read-only, for the accounts the actor backs up. */
  async read(actor: Actor, as?: string): Promise<Today> {
    assertHasToday(actor);
    const subject = await this.subjectOf(actor, as);
    const scope = await this.scope(subject.subject, actor.language);
    const hidden = await this.marks.hiding(subject.subject.id, scope.today);
    const entries = (await this.entries(scope)).filter((e) => !hidden.has(e.key)).sort(byUrgency);
    const language: Language = actor.language ?? 'en';
    const items = entries.map((e) => this.present(e, scope, language, subject.readOnly));
    const counts = new Map<string, number>();
    for (const i of items) counts.set(i.kind, (counts.get(i.kind) ?? 0) + 1);
    return {
      subject: { id: subject.subject.id, name: subject.name },
      readOnly: subject.readOnly,
      today: scope.today,
      groups: AGENDA_GROUPS.map((group) => ({ group, items: items.filter((i) => i.group === group) })),
      counts: [...counts].map(([kind, count]) => ({ kind: kind as AgendaItem['kind'], count })),
    };
  }

  /** Hides the item until a later day; it comes back then (or sooner, when its key changes). */
  async snooze(actor: Actor, key: string, until: string): Promise<void> {
    const scope = await this.ownItem(actor, key);
    if (until <= scope.today) throw fieldError('until', 'today.snooze_in_past');
    await this.mark(actor, key, 'snoozed', until, null);
  }

  /** Marks the item done on the actor's Today (the record itself is changed through its own module). */
  async done(actor: Actor, key: string): Promise<void> {
    await this.ownItem(actor, key);
    await this.mark(actor, key, 'done', null, null);
  }

  /** Takes the item off the actor's Today for good, saying why. */
  async dismiss(actor: Actor, key: string, reason: string): Promise<void> {
    await this.ownItem(actor, key);
    await this.mark(actor, key, 'dismissed', null, reason);
  }

  private async mark(actor: Actor, key: string, state: 'snoozed' | 'done' | 'dismissed', until: string | null, reason: string | null) {
    await this.db
      .transaction()
      .execute((t) =>
        this.marks.put(t, { user_id: actor.id, item_key: key, state, until, reason, marked_at: this.clock.now().toISOString() }),
      );
  }

  /** The item must be on the actor's own Today (marked or not); anyone else's answers 404. */
  private async ownItem(actor: Actor, key: string): Promise<AgendaScope> {
    assertHasToday(actor);
    const scope = await this.scope({ id: actor.id, role: actor.role, coveredBy: null });
    if (!(await this.entries(scope)).some((e) => e.key === key)) throw notFound('record');
    return scope;
  }

  private async scope(subject: AgendaSubject, language: Language = 'en'): Promise<AgendaScope> {
    return scopeOn(subject, await this.calendar.today(), this.clock.now().toISOString(), language);
  }

  /** Every provider's entries within the horizon; each provider runs its own few queries. */
  private async entries(scope: AgendaScope): Promise<AgendaEntry[]> {
    const all = await Promise.all(this.providers.map((p) => p.entries(scope)));
    const seen = new Set<string>();
    return all.flat().filter((e) => e.due <= scope.horizon && !seen.has(e.key) && seen.add(e.key));
  }

  private async subjectOf(actor: Actor, as?: string): Promise<{ subject: AgendaSubject; name: string; readOnly: boolean }> {
    if (!as || as === actor.id) {
      const me = await this.users.findById(actor.id);
      return { subject: { id: actor.id, role: actor.role, coveredBy: null }, name: me?.name ?? '', readOnly: false };
    }
    const colleague = await this.users.findById(as);
    const backsUp = colleague?.active === 1 ? await this.accounts.backsUp(actor.id, as) : false;
    assertMayCover(actor, backsUp);
    return { subject: { id: as, role: colleague!.role, coveredBy: actor.id }, name: colleague!.name, readOnly: true };
  }

  private present(e: AgendaEntry, scope: AgendaScope, language: Language, readOnly: boolean): AgendaItem {
    const overdueDays = lateDays(e.due, scope.today);
    const group: AgendaGroup = overdueDays > 0 ? 'overdue' : overdueDays === 0 ? 'today' : 'week';
    const own = readOnly ? [] : (e.actions ?? []);
    return {
      key: e.key,
      kind: e.kind,
      severity: e.severity,
      group,
      due: e.due,
      overdueDays,
      account: e.account,
      record: e.record,
      reason: renderMessage(e.reason[0], e.reason[1], language),
      reasonCode: e.reason[0],
      reasonParams: Object.fromEntries(Object.entries(e.reason[1]).map(([k, v]) => [k, flatParam(v)])),
      actions: readOnly ? [] : [...own, 'done', 'snooze', 'dismiss'],
    };
  }
}
