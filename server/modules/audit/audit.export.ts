import type { AuditEntry } from '../../../common/schemas/audit.js';
import { columnsOf } from '../../lib/export/index.js';

const c = columnsOf<AuditEntry>();

/** The audit log as a file; each change is `field: before → after`, one per line of the cell. */
export const AUDIT_COLUMNS = [
  c.timestamp({ en: 'At', ru: 'Когда' }, (e) => e.at),
  c.text({ en: 'Who', ru: 'Кто' }, (e) => e.actorName),
  c.text({ en: 'Action', ru: 'Действие' }, (e) => e.action),
  c.text({ en: 'Record type', ru: 'Тип записи' }, (e) => e.recordType),
  c.text({ en: 'Record', ru: 'Запись' }, (e) => e.recordLabel),
  c.text({ en: 'Record ID', ru: 'ID записи' }, (e) => e.recordId),
  c.text({ en: 'Changes', ru: 'Изменения' }, (e) =>
    Object.entries(e.changes)
      .map(([field, { before, after }]) => `${field}: ${JSON.stringify(before) ?? ''} → ${JSON.stringify(after) ?? ''}`)
      .join('\n'),
  ),
];
