import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { sendImage } from '../../lib/image-upload.js';
import { PortalHomeSchema, PortalManagerSchema, PortalPaymentDetailsSchema } from '../../../common/schemas/portal.js';
import type { Actor } from '../access/index.js';
import type { PortalHomeService } from './portal-home.service.js';
import type { PortalManagerService } from './portal-manager.service.js';
import type { PortalPaymentService } from './portal-payment.service.js';

/** The portal's own reads: a client user's page each, refused to staff (403) by the service. */
const PAGES = (home: PortalHomeService, manager: PortalManagerService, payment: PortalPaymentService) =>
  [
    {
      path: '/portal/home',
      summary:
        'A client user’s start page: what waits for them (plans, requirements, briefs, signatures, invoices) and the latest news of their projects',
      schema: PortalHomeSchema,
      read: (a: Actor) => home.home(a),
    },
    {
      path: '/portal/manager',
      summary:
        'The client’s account manager and backup manager: name, email, phone and photo address only (null when the company has none)',
      schema: PortalManagerSchema,
      read: (a: Actor) => manager.manager(a),
    },
    {
      path: '/portal/payment-details',
      summary:
        'How a client pays: the agency’s legal name, bank details, ids and address as its invoices print them, in the client’s language',
      schema: PortalPaymentDetailsSchema,
      read: (a: Actor) => payment.details(a),
    },
  ] as const;

export const portalRoutes =
  (home: PortalHomeService, manager: PortalManagerService, payment: PortalPaymentService): FastifyPluginAsyncZod =>
  async (app) => {
    for (const page of PAGES(home, manager, payment)) {
      app.get(
        page.path,
        { schema: { tags: ['portal'], summary: `${page.summary}; 403 for staff`, response: { 200: page.schema as z.ZodTypeAny } } },
        async (req) => page.read(req.requireActor()),
      );
    }

    app.get(
      '/portal/manager/photo/:slot',
      {
        schema: {
          tags: ['portal'],
          summary: 'The photo of the client’s own account manager or backup (PNG or JPEG); 404 when they have none; 403 for staff',
          params: z.object({ slot: z.enum(['manager', 'backup']) }),
          response: { 200: z.string().describe('image/png or image/jpeg') },
        },
      },
      async (req, reply) => sendImage(reply, await manager.photo(req.requireActor(), req.params.slot)),
    );
  };
