import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { AuditEntrySchema, AuditListQuerySchema, pageOf } from '../../../common/schemas/index.js';
import { assertAdmin } from '../access/policy.js';
import { listAuditEntries } from './audit.repository.js';

export const auditRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/audit-log',
    {
      schema: {
        tags: ['audit'],
        summary: 'Who changed what and when (admins)',
        querystring: AuditListQuerySchema,
        response: { 200: pageOf(AuditEntrySchema) },
      },
    },
    async (req) => {
      assertAdmin(req.requireActor());
      return listAuditEntries(app.db, req.query);
    },
  );
};
