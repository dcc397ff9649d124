import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { SearchQuerySchema, SearchResultSchema } from '../../../common/schemas/search.js';
import type { SearchService } from './search.service.js';

export const searchRoutes =
  (search: SearchService): FastifyPluginAsyncZod =>
  async (app) => {
    app.get(
      '/search',
      {
        schema: {
          tags: ['search'],
          summary:
            'Find accounts, contacts, projects, tasks, documents, invoices (by number), deals and claims by the beginnings of their words',
          description:
            'Case, ё/е and accents are folded; every word of `q` must begin a word of the record. Only records you may read are returned. An empty `q` answers the records you changed lately.',
          querystring: SearchQuerySchema,
          response: { 200: SearchResultSchema },
        },
      },
      async (req) => search.search(req.requireActor(), req.query),
    );
  };
