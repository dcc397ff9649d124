import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { PortalHomeSchema } from '../../../common/schemas/portal.js';
import type { PortalHomeService } from './portal-home.service.js';

export const portalRoutes =
  (home: PortalHomeService): FastifyPluginAsyncZod =>
  async (app) => {
    app.get(
      '/portal/home',
      {
        schema: {
          tags: ['portal'],
          summary:
            'A client user’s start page: what waits for them (plans, requirements, briefs, signatures, invoices) and the latest news of their projects; 403 for staff',
          response: { 200: PortalHomeSchema },
        },
      },
      async (req) => home.home(req.requireActor()),
    );
  };
