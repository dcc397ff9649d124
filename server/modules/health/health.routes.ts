import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { IdParamsSchema } from '../../../common/schemas/common.js';
import { AccountHealthQuerySchema, AccountHealthSchema, HealthSettingsSchema } from '../../../common/schemas/health.js';
import { assertAdmin, assertSeesInternal } from '../access/index.js';
import { settingsRoutes } from '../settings/index.js';
import type { HealthService } from './health.service.js';
import type { HealthSettingsService } from './health.settings.js';

const HOW =
  'Each component scores 0–100 from its facts (payment discipline, satisfaction, claims, delivery, engagement, commercial); ' +
  'the score is their mean weighted by the settings, over the components that have data only (weights renormalised). ' +
  'With no data at all the score and grade are null. Read by the account’s managers, admins and finance; 404 for anyone else.';

/** An account's health and the score's settings. */
export const healthRoutes =
  (health: HealthService, settings: HealthSettingsService): FastifyPluginAsyncZod =>
  async (app) => {
    const tags = ['health'];
    app.get(
      '/accounts/:id/health',
      {
        schema: {
          tags,
          summary: 'The account’s health now: score, grade, each component’s score and facts, and the daily trend',
          description: HOW,
          params: IdParamsSchema,
          querystring: AccountHealthQuerySchema,
          response: { 200: AccountHealthSchema },
        },
      },
      async (req) => health.forAccount(req.requireActor(), req.params.id, req.query.days),
    );
    await app.register(
      settingsRoutes(settings, {
        name: 'health',
        tags,
        schema: HealthSettingsSchema,
        read: { authorize: assertSeesInternal, summary: 'The weights of the health components, the grade thresholds and the drop alert' },
        write: { method: 'put', authorize: assertAdmin, summary: 'Change the health settings (admins)', body: HealthSettingsSchema },
      }),
    );
  };
