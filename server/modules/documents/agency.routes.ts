import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { AgencyDetailsSchema, AgencyDetailsUpdateSchema } from '../../../common/schemas/agency.js';
import { notFound } from '../../lib/errors.js';
import { expectedVersion, withEtag } from '../../lib/http.js';
import { acceptImageUploads, IMAGE_UPLOAD_BODY_LIMIT, IMAGE_UPLOAD_TYPES, sendImage } from '../../lib/image-upload.js';
import { assertAdmin, assertStaff } from '../access/index.js';
import type { AgencyService } from './agency.service.js';

const tags = ['settings'];

export const agencyRoutes =
  (agency: AgencyService): FastifyPluginAsyncZod =>
  async (app) => {
    acceptImageUploads(app);

    app.get(
      '/settings/agency',
      {
        config: { authorize: assertStaff },
        schema: { tags, summary: 'The agency details paperwork prints (staff read them)', response: { 200: AgencyDetailsSchema } },
      },
      async (req, reply) => withEtag(reply, await agency.get(req.requireActor())),
    );

    app.patch(
      '/settings/agency',
      {
        config: { authorize: assertAdmin },
        schema: {
          tags,
          summary: 'Change the agency details (admins); text that differs by language is given per language; send If-Match',
          body: AgencyDetailsUpdateSchema,
          response: { 200: AgencyDetailsSchema },
        },
      },
      async (req, reply) => withEtag(reply, await agency.update(req.requireActor(), req.body, expectedVersion(req))),
    );

    app.put(
      '/settings/agency/logo',
      {
        bodyLimit: IMAGE_UPLOAD_BODY_LIMIT,
        config: { authorize: assertAdmin },
        schema: {
          tags,
          summary: 'Upload the logo as the raw body: PNG, JPEG or SVG up to 1 MB, recognised by content (415 otherwise, 413 when larger)',
          consumes: IMAGE_UPLOAD_TYPES,
          body: z.any().describe('image upload'),
          response: { 200: AgencyDetailsSchema },
        },
      },
      async (req) => agency.setLogo(req.requireActor(), req.body as Buffer),
    );

    app.delete(
      '/settings/agency/logo',
      { config: { authorize: assertAdmin }, schema: { tags, summary: 'Remove the logo' } },
      async (req, reply) => {
        await agency.removeLogo(req.requireActor());
        return reply.code(204).send();
      },
    );

    app.get(
      '/settings/agency/logo',
      {
        config: { authorize: assertStaff },
        schema: { tags, summary: 'The logo image (PNG or JPEG)', response: { 200: z.string().describe('image/png') } },
      },
      async (req, reply) => {
        const logo = await agency.logo(req.requireActor());
        if (!logo) throw notFound('record');
        return sendImage(reply, logo);
      },
    );
  };
