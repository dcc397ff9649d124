import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { AuditEntrySchema, AuditListQuerySchema, pageOf } from '../../../common/schemas/index.js';
import type { Database } from '../../db/database.js';
import { assertAdmin } from '../access/index.js';
import { listAuditEntries } from './audit.repository.js';
import { listExportRoutes } from '../../lib/export/index.js';
import { AUDIT_COLUMNS } from './audit.export.js';

export const auditRoutes =
  (db: Database): FastifyPluginAsyncZod =>
  async (app) => {
    await app.register(
      listExportRoutes({
        path: '/audit-log',
        fileName: 'audit-log',
        title: 'Audit log',
        tags: ['audit'],
        query: AuditListQuerySchema,
        authorize: assertAdmin,
        columns: AUDIT_COLUMNS,
        list: (actor, q) => listAuditEntries(db, q),
      }),
    );
    app.get(
      '/audit-log',
      {
        config: { authorize: assertAdmin },
        schema: {
          tags: ['audit'],
          summary: 'Who changed what and when (admins)',
          querystring: AuditListQuerySchema,
          response: { 200: pageOf(AuditEntrySchema) },
        },
      },
      async (req) => {
        assertAdmin(req.requireActor());
        return listAuditEntries(db, req.query);
      },
    );
  };
