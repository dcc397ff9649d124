import type { FastifyReply } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { IdParamsSchema } from '../../../common/schemas/common.js';
import {
  AccountRetentionSchema,
  AccountRetentionUpdateSchema,
  ContactErasedSchema,
  ContactEraseSchema,
  PrivacySettingsSchema,
} from '../../../common/schemas/privacy.js';
import { assertAdmin } from '../access/index.js';
import { settingsRoutes } from '../settings/index.js';
import type { RetentionService } from './privacy.retention.js';
import type { PersonalDataArchive, PrivacyService } from './privacy.service.js';

const tags = ['privacy'];
const config = { authorize: assertAdmin };
const zipResponse = { 200: z.string().describe('application/zip') };

const sendZip = (reply: FastifyReply, archive: PersonalDataArchive) =>
  reply
    .type('application/zip')
    .header('content-disposition', `attachment; filename="${archive.fileName.replace(/[^\w.-]+/g, '-')}"`)
    .header('cache-control', 'no-store')
    .send(archive.stream);

export const privacyRoutes =
  (privacy: PrivacyService, retention: RetentionService): FastifyPluginAsyncZod =>
  async (app) => {
    app.get(
      '/contacts/:id/personal-data',
      {
        config,
        schema: {
          tags,
          summary:
            'Everything held about a contact as a zip: personal-data.json (the contact, their portal users, interactions naming them, survey answers, claims, portal messages, mail, signatures, audit entries) and their stored files (admins; audited)',
          params: IdParamsSchema,
          response: zipResponse,
        },
      },
      async (req, reply) => sendZip(reply, await privacy.exportContact(req.requireActor(), req.params.id)),
    );

    app.get(
      '/users/:id/personal-data',
      {
        config,
        schema: {
          tags,
          summary:
            'What a client (portal) user wrote, signed and did, as a zip of personal-data.json and their stored files (admins; audited; 400 for staff users)',
          params: IdParamsSchema,
          response: zipResponse,
        },
      },
      async (req, reply) => sendZip(reply, await privacy.exportUser(req.requireActor(), req.params.id)),
    );

    app.post(
      '/contacts/:id/erase',
      {
        config,
        schema: {
          tags,
          summary:
            'Erase a contact’s personal data, confirmed by typing their full name: the record, their portal users, their messages’ bodies and every copy of their name, address and phone are anonymised in one transaction; invoices and signed documents stay as issued. Audited without the erased values. A second erasure is refused with 409.',
          params: IdParamsSchema,
          body: ContactEraseSchema,
          response: { 200: ContactErasedSchema },
        },
      },
      async (req) => privacy.erase(req.requireActor(), req.params.id, req.body.confirm),
    );

    await app.register(
      settingsRoutes(retention, {
        name: 'privacy',
        tags,
        schema: PrivacySettingsSchema,
        read: { authorize: assertAdmin, summary: 'How many years interactions are kept (null: for good)' },
        write: {
          method: 'put',
          authorize: assertAdmin,
          summary: 'Set how many years interactions are kept; older ones are purged nightly, per account unless it has its own',
          body: PrivacySettingsSchema,
        },
      }),
    );

    app.get(
      '/accounts/:id/retention',
      {
        config,
        schema: {
          tags,
          summary: 'How long the account’s interactions are kept',
          params: IdParamsSchema,
          response: { 200: AccountRetentionSchema },
        },
      },
      async (req) => retention.ofAccount(req.requireActor(), req.params.id),
    );

    app.put(
      '/accounts/:id/retention',
      {
        config,
        schema: {
          tags,
          summary: 'Follow the agency’s retention, or keep this account’s interactions for its own number of years (null: for good)',
          params: IdParamsSchema,
          body: AccountRetentionUpdateSchema,
          response: { 200: AccountRetentionSchema },
        },
      },
      async (req) => retention.setForAccount(req.requireActor(), req.params.id, req.body),
    );
  };
