/** A system event on an account's timeline put into words in the user's language. */
import type { TFunction } from 'i18next';
import type { TimelineEntry } from '@common/schemas/timeline';
import type { MessageParams } from '@common/messages';
import { translateMessage } from '../../i18n';
import { formatMoney } from '../../lib/format';

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

/** The users a timeline entry names: who wrote or did it, and the managers an ownership change is between. */
export function peopleOf(entry: TimelineEntry): (string | null)[] {
  if (entry.entryType === 'interaction') return [entry.interaction.authorId];
  return entry.kind === 'owner_changed' ? [entry.actorId, str(entry.data.from) ?? null, str(entry.data.to) ?? null] : [entry.actorId];
}

export function describeEvent(entry: EventEntry, t: TFunction, nameOf: (id: string) => string | undefined, locale: string): string {
  const { data } = entry;
  const minor = typeof data.amountMinor === 'number' ? data.amountMinor : data.totalMinor;
  const currency = str(data.currency);
  return t(`timeline.event.${entry.kind}`, {
    ...change(entry, t, nameOf),
    name: str(data.name) ?? '',
    number: str(data.number) ?? '',
    creditedNumber: str(data.creditedNumber) ?? '',
    numbers: Array.isArray(data.numbers) ? data.numbers.filter(Boolean).join(', ') : '',
    amount: typeof minor === 'number' && currency ? formatMoney(minor, currency, locale) : '',
    reason: reasonOf(data, locale),
    signer: str(data.signer) ?? '',
    // Inside a sentence, so in lower case: «Отправлен документ … (акт выполненных работ)».
    documentKind: entry.kind.startsWith('document_') && data.kind ? t(`documentKind.${str(data.kind)}`).toLocaleLowerCase(locale) : '',
    text: str(data.text) ?? '',
  });
}
