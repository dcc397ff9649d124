import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { DeliverySettingsBodySchema, DeliverySettingsSchema } from '../../../common/schemas/delivery.js';
import type { RoleSettingsService } from './role.settings.js';
import { assertAdmin, assertStaff } from '../access/index.js';

export const roleSettingsRoutes =
  (roles: RoleSettingsService): FastifyPluginAsyncZod =>
  async (app) => {
    const tags = ['delivery'];
    app.get(
      '/settings/delivery',
      {
        config: { authorize: assertStaff },
        schema: {
          tags,
          summary: 'Specialist roles and their hourly rates per currency',
          response: { 200: DeliverySettingsSchema },
        },
      },
      async (req) => roles.get(req.requireActor()),
    );
    app.put(
      '/settings/delivery',
      {
        config: { authorize: assertAdmin },
        schema: {
          tags,
          summary: 'Change specialist roles and their rates per currency (admins)',
          body: DeliverySettingsBodySchema,
          response: { 200: DeliverySettingsSchema },
        },
      },
      async (req) => roles.update(req.requireActor(), req.body),
    );
  };
