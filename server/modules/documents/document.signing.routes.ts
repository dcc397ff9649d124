import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { IdParamsSchema, requiredText } from '../../../common/schemas/common.js';
import { DocumentDeclineSchema, DocumentSchema, DocumentSignSchema } from '../../../common/schemas/document.js';
import { withEtag } from '../../lib/http.js';
import { pdfResponse, sendPdf } from './document.routes.js';
import type { DocumentService } from './document.service.js';
import type { DocumentSigning } from './document.signing.js';

const tags = ['documents'];
/** Content types a scan upload may declare; what it really is, is decided by its bytes. */
const SCAN_TYPES = ['application/pdf', 'application/octet-stream'];
/** Lets a too-large scan reach the service, which answers 413 with the limit in words; far beyond it Fastify refuses. */
const SCAN_BODY_LIMIT = 12 * 1024 * 1024;

const VersionParamsSchema = IdParamsSchema.extend({ seq: z.coerce.number().int().min(1).max(1000) });

/** The client's signature or declination, a signed paper copy, and each frozen version's PDF. */
export const documentSigningRoutes =
  (documents: DocumentService, signing: DocumentSigning): FastifyPluginAsyncZod =>
  async (app) => {
    app.addContentTypeParser(SCAN_TYPES, { parseAs: 'buffer', bodyLimit: SCAN_BODY_LIMIT }, (_req, body, done) => done(null, body));

    app.post(
      '/documents/:id/sign',
      {
        schema: {
          tags,
          summary:
            'Sign a sent contract, act or proposal as a client user of its company: typed full name and consent; the name, time and address are recorded and a signed copy with a signature page is frozen as a new version (409 when already signed or declined)',
          params: IdParamsSchema,
          body: DocumentSignSchema,
          response: { 200: DocumentSchema },
        },
      },
      async (req, reply) =>
        withEtag(reply, await signing.sign(req.requireActor(), req.params.id, req.body.fullName, { ipAddress: req.ip })),
    );

    app.post(
      '/documents/:id/decline',
      {
        schema: {
          tags,
          summary:
            'Decline a sent contract, act or proposal as a client user of its company, with a reason (409 when already signed or declined)',
          params: IdParamsSchema,
          body: DocumentDeclineSchema,
          response: { 200: DocumentSchema },
        },
      },
      async (req, reply) =>
        withEtag(reply, await signing.decline(req.requireActor(), req.params.id, req.body.reason, { ipAddress: req.ip })),
    );

    app.put(
      '/documents/:id/signed-copy',
      {
        bodyLimit: SCAN_BODY_LIMIT,
        schema: {
          tags,
          summary:
            'Record that the client signed on paper: the scan as the raw body, a PDF up to 10 MB recognised by content (415 otherwise, 413 when larger); it becomes the signed version',
          params: IdParamsSchema,
          querystring: z.object({ signerName: requiredText(200, 'document.signer_name') }),
          consumes: SCAN_TYPES,
          body: z.any().describe('PDF upload'),
          response: { 200: DocumentSchema },
        },
      },
      async (req, reply) =>
        withEtag(reply, await signing.recordPaper(req.requireActor(), req.params.id, req.query.signerName, req.body as Buffer)),
    );

    app.get(
      '/documents/:id/versions/:seq/pdf',
      {
        schema: {
          tags,
          summary: 'One frozen version’s PDF, byte for byte (1 = as sent; later ones the signed copy)',
          params: VersionParamsSchema,
          response: pdfResponse,
        },
      },
      async (req, reply) => sendPdf(reply, await documents.versionPdf(req.requireActor(), req.params.id, req.params.seq)),
    );
  };
