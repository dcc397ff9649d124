import { defineModule, type ModuleContext } from '../module.js';
import { auditRoutes } from './audit.routes.js';

export { onAudit, recordAudit, type AuditFields, type AuditInput, type AuditListener } from './audit.recorder.js';
export { updateVersioned, type VersionedTable } from './versioned-update.js';
export { listRecordHistory, recentRecordsOf } from './audit.repository.js';

/** The audit log: every module writes its entries through `recordAudit`/`updateVersioned`; admins read it. */
export function createAuditModule(ctx: ModuleContext) {
  return defineModule({ routes: auditRoutes(ctx.db) });
}
