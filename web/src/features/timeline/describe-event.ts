/** A system event on an account's timeline put into words in the user's language. */
import type { TFunction } from 'i18next';
import type { TimelineEntry } from '@common/schemas/timeline';
import type { MessageParams } from '@common/messages';
import { translateMessage } from '../../i18n';
import { formatCalendarDate, formatMoney } from '../../lib/format';

export type EventEntry = Extract<TimelineEntry, { entryType: 'event' }>;

const str = (v: unknown) => (typeof v === 'string' || typeof v === 'number' ? String(v) : undefined);

/** A reason the server kept as a catalogue code and figures reads in the UI language; a person's words stay as typed. */
function reasonOf(data: Record<string, unknown>, locale: string): string {
  const w = data.wording;
  if (Array.isArray(w) && typeof w[0] === 'string') return translateMessage(w[0], (w[1] ?? {}) as MessageParams, locale.split('-')[0]);
  return str(data.reason) ?? '';
}

/** `from` and `to` name different things per kind: people, account statuses, project stages. */
function change(entry: EventEntry, t: TFunction, nameOf: (id: string) => string | undefined) {
  const nobody = t('timeline.nobody');
  const label = (value: string | undefined): string => {
    if (!value) return nobody;
    if (entry.kind === 'owner_changed') return nameOf(value) ?? t('timeline.unknownUser');
    if (entry.kind === 'status_changed') return t(`accountStatus.${value}`, { defaultValue: value });
    if (entry.kind === 'stage_changed') return t(`projectStage.${value}`, { defaultValue: value });
    return value;
  };
  return { from: label(str(entry.data.from)), to: label(str(entry.data.to)) };
}

/** A name the server kept in each language (a deal's stage or lost reason as configured then), in the reader's. */
function named(value: unknown, locale: string): string | undefined {
  if (!value || typeof value !== 'object') return undefined;
  return str((value as Record<string, unknown>)[locale.split('-')[0]]) ?? str((value as Record<string, unknown>).en);
}

/** A deal's move: its stages by the names they had, and why it closed (the lost reason, or how it was won). */
function dealWords(data: Record<string, unknown>, locale: string) {
  const closing =
    data.to === 'lost' ? (named(data.lostReasonName, locale) ?? str(data.lostReason)) : data.to === 'won' ? str(data.note) : undefined;
  return {
    title: str(data.title) ?? '',
    from: named(data.fromName, locale) ?? str(data.from) ?? '',
    to: named(data.toName, locale) ?? str(data.to) ?? '',
    reason: closing ? ` — ${closing}` : '',
  };
}

/** A claim's event: its category and root cause by the names they had, its statuses, severity and source in the reader's words. */
function claimWords(data: Record<string, unknown>, t: TFunction, locale: string) {
  const word = (group: string, v: unknown) => (str(v) ? t(`claims.${group}.${str(v)}`) : '');
  return {
    category: named(data.categoryName, locale) ?? str(data.category) ?? '',
    rootCause: named(data.rootCauseName, locale) ?? str(data.rootCause) ?? '',
    severity: word('severity', data.severity).toLocaleLowerCase(locale),
    source: word('source', data.source),
    from: word('status', data.from),
    to: word('status', data.to),
    deadline: word('deadline', data.deadline),
  };
}
/** A survey's kind as its initials (NPS, CSAT), its score and the comment given with it. */
const surveyWords = (data: Record<string, unknown>) => ({
  surveyKind: (str(data.kind) ?? '').toUpperCase(),
  score: str(data.score) ?? '',
  comment: str(data.comment) ? `: “${str(data.comment)}”` : '',
});

/** The users a timeline entry names: who wrote or did it, and the managers an ownership change is between. */
export function peopleOf(entry: TimelineEntry): (string | null)[] {
  if (entry.entryType === 'interaction') return [entry.interaction.authorId];
  return entry.kind === 'owner_changed' ? [entry.actorId, str(entry.data.from) ?? null, str(entry.data.to) ?? null] : [entry.actorId];
}

export function describeEvent(entry: EventEntry, t: TFunction, nameOf: (id: string) => string | undefined, locale: string): string {
  const { data } = entry;
  const minor = typeof data.amountMinor === 'number' ? data.amountMinor : (data.totalMinor ?? data.amount);
  const currency = str(data.currency);
  const day = (d: unknown) => (typeof d === 'string' ? formatCalendarDate(d, locale) : '');
  const reason = str(data.reason) ?? '';
  return t(`timeline.event.${entry.kind}`, {
    ...change(entry, t, nameOf),
    name: str(data.name) ?? '',
    number: str(data.number) ?? '',
    creditedNumber: str(data.creditedNumber) ?? '',
    numbers: Array.isArray(data.numbers) ? data.numbers.filter(Boolean).join(', ') : '',
    amount: typeof minor === 'number' && currency ? formatMoney(minor, currency, locale) : '',
    // a skipped report's reason is a code of its own; others are worded by the server or typed by someone
    reason: entry.kind === 'status_report_skipped' ? t(`reportSkipReason.${reason}`, { defaultValue: reason }) : reasonOf(data, locale),
    period: `${day(data.periodFrom)} — ${day(data.periodTo)}`,
    endsOn: day(data.endsOn),
    days: str(data.daysBefore) ?? '',
    signer: str(data.signer) ?? '',
    // Inside a sentence, so in lower case: «Отправлен документ … (акт выполненных работ)».
    documentKind: entry.kind.startsWith('document_') && data.kind ? t(`documentKind.${str(data.kind)}`).toLocaleLowerCase(locale) : '',
    text: str(data.text) ?? '',
    ...(entry.kind.startsWith('deal_') && dealWords(data, locale)),
    ...(entry.kind.startsWith('claim_') && claimWords(data, t, locale)),
    // An objection: its deal, its category by the name it had, and its result in words.
    ...(entry.kind.startsWith('objection_') && {
      title: str(data.title) ?? '',
      category: named(data.categoryName, locale) ?? str(data.category) ?? '',
      result: data.result ? t(`objections.result.${str(data.result)}`) : '',
    }),
    ...(entry.kind.startsWith('survey_') && surveyWords(data)),
    // A corrective action: what changes, its dates, and its check's result with the figures it was judged on.
    ...(entry.kind.startsWith('corrective_action_') && {
      what: str(data.what) ?? '',
      dueOn: day(data.dueOn),
      checkOn: day(data.checkOn),
      result: data.result ? t(`correctiveActions.result.${str(data.result)}`) : '',
      recurrences: str(data.recurrences) ?? '0',
      npsBefore: str(data.npsBefore) ?? '—',
      npsAfter: str(data.npsAfter) ?? '—',
    }),
    // A proposal: its deal, the version the client holds, and who accepted it when they gave their name.
    ...(entry.kind.startsWith('proposal_') && {
      title: str(data.title) ?? '',
      version: str(data.version) ?? '',
      by: str(data.name) ? ` (${str(data.name)})` : '',
      to: str(data.to) ?? '',
    }),
    // A move between loyalty tiers: the tiers by the names they had, and the rules the account missed.
    ...(entry.kind === 'loyalty_tier_changed' && loyaltyWords(data, t)),
  });
}

function loyaltyWords(data: Record<string, unknown>, t: TFunction) {
  const failed = Array.isArray(data.failed) ? data.failed.map((r) => t(`loyalty.rule.${String(r)}`)) : [];
  return {
    from: str(data.from) ?? t('loyalty.noTier'),
    to: str(data.to) ?? t('loyalty.noTier'),
    failed: failed.length ? t('loyalty.failed', { rules: failed.join(', ') }) : '',
  };
}
