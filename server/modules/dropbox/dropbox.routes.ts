import type { FastifyReply } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { IdParamsSchema } from '../../../common/schemas/common.js';
import {
  AttachmentParamsSchema,
  DropboxAddressSchema,
  InboundEmailSchema,
  UnmatchedFileSchema,
  UnmatchedPageSchema,
  UnmatchedQuerySchema,
} from '../../../common/schemas/dropbox.js';
import { assertSeesInternal } from '../access/index.js';
import type { DropboxAddresses } from './dropbox.addresses.js';
import type { DropboxInbox } from './dropbox.inbox.js';

const tags = ['dropbox'];
const config = { authorize: assertSeesInternal };
const WHO =
  'An unmatched message is seen by the manager whose address it came to and by admins; a logged one by whoever reads its account’s internal records. Others get 404.';

/** Types a browser may show as they are; anything else (HTML, SVG, scripts) is sent as bytes to save. */
const SHOWN_AS_IS = new Set(['application/pdf', 'image/png', 'image/jpeg', 'image/gif', 'text/plain', 'text/csv']);

/** `Content-Disposition` for a saved file whose name may hold any characters (RFC 6266 / 5987). */
const attachmentHeader = (name: string) =>
  `attachment; filename="${name.replace(/[^\x20-\x7e]|["\\]/g, '_')}"; filename*=UTF-8''${encodeURIComponent(name)}`;

/** Sends a received file to be saved, never shown as a page of the app (it may be anything). */
function sendAttachment(reply: FastifyReply, file: { filename: string; contentType: string; bytes: Buffer }) {
  return reply
    .type(SHOWN_AS_IS.has(file.contentType.toLowerCase()) ? file.contentType : 'application/octet-stream')
    .header('content-disposition', attachmentHeader(file.filename))
    .header('x-content-type-options', 'nosniff')
    .header('content-security-policy', "default-src 'none'; sandbox")
    .send(file.bytes);
}

export const dropboxRoutes =
  (addresses: DropboxAddresses, inbox: DropboxInbox): FastifyPluginAsyncZod =>
  async (app) => {
    app.get(
      '/me/dropbox',
      {
        config,
        schema: {
          tags,
          summary: 'Your BCC address: mail copied to it is logged on the account of the contact it is with',
          description: 'For admins and account managers (others 403). Made on first request; stays the same.',
          response: { 200: DropboxAddressSchema },
        },
      },
      async (req) => addresses.mine(req.requireActor()),
    );
    app.get(
      '/accounts/:id/dropbox',
      {
        config,
        schema: {
          tags,
          summary: 'The account’s BCC address: mail copied to it is logged on this account',
          description: 'For whoever reads the account’s internal records (others 404).',
          params: IdParamsSchema,
          response: { 200: DropboxAddressSchema },
        },
      },
      async (req) => addresses.ofAccount(req.requireActor(), req.params.id),
    );
    app.get(
      '/dropbox/unmatched',
      {
        config,
        schema: {
          tags,
          summary: 'Mail that matched no account, to file by hand, newest first',
          description: 'A manager sees what came to their own address; admins see everyone’s.',
          querystring: UnmatchedQuerySchema,
          response: { 200: UnmatchedPageSchema },
        },
      },
      async (req) => inbox.unmatched(req.requireActor(), req.query),
    );
    app.post(
      '/dropbox/unmatched/:id/file',
      {
        config,
        schema: {
          tags,
          summary: 'Log an unmatched message on an account you manage',
          description: `Logged as an email interaction, with the account’s contacts among its sender and recipients. 409 when it was filed or discarded already. ${WHO}`,
          params: IdParamsSchema,
          body: UnmatchedFileSchema,
          response: { 200: InboundEmailSchema },
        },
      },
      async (req) => inbox.file(req.requireActor(), req.params.id, req.body.accountId),
    );
    app.delete(
      '/dropbox/unmatched/:id',
      {
        config,
        schema: {
          tags,
          summary: 'Discard an unmatched message (its text and files are deleted)',
          description: `A copy arriving later is not kept again. ${WHO}`,
          params: IdParamsSchema,
        },
      },
      async (req, reply) => {
        await inbox.discard(req.requireActor(), req.params.id);
        return reply.code(204).send();
      },
    );
    app.get(
      '/dropbox/emails/:id',
      {
        config,
        schema: {
          tags,
          summary: 'A received message: its text and attachments',
          description: WHO,
          params: IdParamsSchema,
          response: { 200: InboundEmailSchema },
        },
      },
      async (req) => inbox.get(req.requireActor(), req.params.id),
    );
    app.get(
      '/interactions/:id/email',
      {
        config,
        schema: {
          tags,
          summary: 'The received message an email interaction was logged from',
          description: '404 when the interaction was logged by hand, or when you cannot read it.',
          params: IdParamsSchema,
          response: { 200: InboundEmailSchema },
        },
      },
      async (req) => inbox.ofInteraction(req.requireActor(), req.params.id),
    );
    app.get(
      '/dropbox/emails/:id/attachments/:attachmentId',
      {
        config,
        schema: {
          tags,
          summary: 'Download an attachment of a received message',
          description: `Always sent as a file to save. ${WHO}`,
          params: AttachmentParamsSchema,
          response: { 200: z.string().describe('the file’s bytes') },
        },
      },
      async (req, reply) => {
        const file = await inbox.attachment(req.requireActor(), req.params.id, req.params.attachmentId);
        return sendAttachment(reply, file);
      },
    );
  };
