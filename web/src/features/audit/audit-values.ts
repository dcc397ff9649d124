/** An audit entry's changes in words: field names in the user's language, values formatted and named. */
import type { TFunction } from 'i18next';
import type { AuditEntry } from '@common/schemas/audit';
import './catalogue';
import { formatCalendarDate, formatDateTime, formatMoney, formatNumber } from '../../lib/format';

/** Which label group translates a field's values, by record type (or for any record). */
const VALUE_GROUPS: Record<string, string> = {
  'account.status': 'accountStatus',
  'project.stage': 'projectStage',
  'project.planStatus': 'planStatus',
  'project.kind': 'workKind',
  'service.workKind': 'workKind',
  'service.unit': 'serviceUnit',
  'task.status': 'taskStatus',
  'task.role': 'specialistRole',
  'invoice.status': 'invoiceStatus',
  'document.status': 'documentStatus',
  'document.kind': 'documentKind',
  'milestone.status': 'milestoneStatus',
  'requirement.status': 'requirementStatus',
  'requirement.party': 'party',
  'interaction.type': 'interactionType',
  'user.role': 'roles',
  'portal_invitation.status': 'invitationStatus',
  'contact.decisionRole': 'decisionRole',
  language: 'languages',
};

const TIMESTAMP = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/;
const DATE = /^\d{4}-\d{2}-\d{2}$/;

/** "creditLimitMinor" → "credit limit minor", for fields no catalogue names. */
const humanize = (field: string) =>
  field
    .replace(/([a-z])([A-Z])/g, '$1 $2')
    .replace(/_/g, ' ')
    .toLowerCase();

/** The field's name in the user's language. */
export function fieldLabel(field: string, t: TFunction): string {
  const key = field.replace(/Minor$/, '').replace(/Ids?$/, '');
  return t(`auditFields.${key}`, { defaultValue: t(`fields.${key}`, { defaultValue: humanize(field) }) });
}

/** Fields whose value is the id of a record (a person, most often) rather than a value of its own. */
const refersToRecord = (field: string) => /Ids?$/.test(field) || field === 'owner' || field === 'assignee';

/** Every id the changes refer to, so the people among them can be looked up by name at once. */
export function referencedIds(changes: AuditEntry['changes']): string[] {
  return Object.entries(changes)
    .filter(([field]) => refersToRecord(field))
    .flatMap(([, { before, after }]) => [before, after].flat())
    .filter((v): v is string => typeof v === 'string' && v !== '');
}

export interface ValueContext {
  entry: Pick<AuditEntry, 'recordType' | 'context'>;
  t: TFunction;
  locale: string;
  /** A person's name by user id, when the id is one. */
  nameOf: (id: string) => string | undefined;
}

/** A value as a person reads it: money, dates, yes/no, names for ids, labels for enumerated values. */
export function formatValue(field: string, value: unknown, { entry, t, locale, nameOf }: ValueContext): string {
  if (value === null || value === undefined || value === '') return '—';
  if (typeof value === 'boolean') return t(value ? 'common.yes' : 'common.no');
  if (typeof value === 'number') {
    if (field.endsWith('Minor'))
      return entry.context.currency ? formatMoney(value, entry.context.currency, locale) : formatNumber(value / 100, locale);
    return formatNumber(value, locale);
  }
  if (Array.isArray(value)) {
    if (value.every((v) => typeof v === 'string'))
      return value.map((v) => formatValue(field.replace(/Ids$/, 'Id'), v, { entry, t, locale, nameOf })).join(', ');
    return t('audit.items', { count: value.length });
  }
  // What JSON leaves besides text is an object.
  if (typeof value !== 'string') return t('audit.items', { count: Object.keys(value).length });
  if (refersToRecord(field)) return nameOf(value) ?? t('audit.aRecord');
  const group = VALUE_GROUPS[`${entry.recordType}.${field}`] ?? VALUE_GROUPS[field];
  if (group) return t(`${group}.${value}`, { defaultValue: value });
  if (TIMESTAMP.test(value)) return formatDateTime(value, locale);
  if (DATE.test(value)) return formatCalendarDate(value, locale);
  return value.length > 200 ? `${value.slice(0, 200)}…` : value;
}
