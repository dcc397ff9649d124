import type { Kysely } from 'kysely';
import type { AuditAction } from '../../../common/schemas/audit.js';
import type { DB } from '../../db/schema.js';
import { newId } from '../../lib/ids.js';
import { insertAuditEntry } from './audit.repository.js';

/** A record as audited: field name to value. */
export type AuditFields = Record<string, unknown>;

export interface AuditInput {
  actorId: string | null;
  recordType: string;
  recordId: string;
  action: AuditAction;
  before?: AuditFields | null;
  after?: AuditFields | null;
  at: string;
}

// `can` is what the person making the change may do with the record, `flags` what its other
// records say about it (overdue invoices…) and `late` depends on the day it is read: none is part
// of the record.
const IGNORED = new Set([
  'version',
  'updatedAt',
  'createdAt',
  'updated_at',
  'created_at',
  'search_text',
  'sort_name',
  'password_hash',
  'can',
  'flags',
  'late',
]);

/** Fields whose value differs, as {before, after}; secrets are never recorded. */
export function diffFields(before: AuditFields | null | undefined, after: AuditFields | null | undefined) {
  const changes: Record<string, { before: unknown; after: unknown }> = {};
  const keys = new Set([...Object.keys(before ?? {}), ...Object.keys(after ?? {})]);
  for (const key of keys) {
    if (IGNORED.has(key)) continue;
    const b = before?.[key] ?? null;
    const a = after?.[key] ?? null;
    if (JSON.stringify(b) !== JSON.stringify(a)) changes[key] = { before: b, after: a };
  }
  return changes;
}

const plain = (v: unknown) => (typeof v === 'string' && v.trim() ? v.trim() : undefined);
/** A text, or the first of a text written per language (`{ en, ru }`, as catalog services name themselves). */
const text = (v: unknown) =>
  typeof v === 'object' && v !== null && !Array.isArray(v) ? Object.values(v).map(plain).find(Boolean) : plain(v);

/** What a person calls the record: its name, title, number, the contact's name, or the start of its text. */
export function recordLabel(r: AuditFields | null | undefined): string | null {
  if (!r) return null;
  const person = [text(r.firstName), text(r.lastName)].filter(Boolean).join(' ');
  const label =
    text(r.name) ?? text(r.title) ?? text(r.number) ?? (person || undefined) ?? text(r.summary) ?? text(r.text) ?? text(r.email);
  return label ? label.slice(0, 120) : null;
}

/** The currency of the record's amounts and the account and project it belongs to, when it says. */
function contextOf(r: AuditFields | null | undefined): string | null {
  if (!r) return null;
  const context = { currency: text(r.currency), accountId: text(r.accountId), projectId: text(r.projectId) };
  return Object.values(context).some(Boolean) ? JSON.stringify(context) : null;
}

/** Acts on an audit entry in the transaction of the change it records. */
export type AuditListener = (trx: Kysely<DB>, entry: AuditInput) => Promise<void>;

// Every change is audited in its own transaction, so a listener here sees each one as it is
// written (global search keeps its words current this way). Keyed by name: composing the app
// again replaces the listener instead of adding a second one. Listeners use only the transaction.
const listeners = new Map<string, AuditListener>();

/** Lets a module act on every audit entry, in the transaction of its change. */
export function onAudit(name: string, listener: AuditListener): void {
  listeners.set(name, listener);
}

/** Writes one audit entry; call it with the transaction that makes the change. */
export async function recordAudit(trx: Kysely<DB>, entry: AuditInput): Promise<void> {
  await insertAuditEntry(trx, {
    id: newId(),
    at: entry.at,
    actor_id: entry.actorId,
    record_type: entry.recordType,
    record_id: entry.recordId,
    action: entry.action,
    changes: JSON.stringify(diffFields(entry.before, entry.after)),
    record_label: recordLabel(entry.after) ?? recordLabel(entry.before),
    context: contextOf(entry.after) ?? contextOf(entry.before),
  });
  for (const listener of listeners.values()) await listener(trx, entry);
}
