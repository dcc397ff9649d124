import { settingsRoutes } from '../settings/index.js';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { DeliverySettingsBodySchema, DeliverySettingsSchema } from '../../../common/schemas/delivery.js';
import type { RoleSettingsService } from './role.settings.js';
import { assertAdmin, assertStaff } from '../access/index.js';

export const roleSettingsRoutes =
  (roles: RoleSettingsService): FastifyPluginAsyncZod =>
  async (app) => {
    const tags = ['delivery'];
    await app.register(
      settingsRoutes(roles, {
        name: 'delivery',
        tags,
        schema: DeliverySettingsSchema,
        read: { authorize: assertStaff, summary: 'Specialist roles and their hourly rates per currency' },
        write: {
          method: 'put',
          authorize: assertAdmin,
          summary: 'Change specialist roles and their rates per currency (admins)',
          body: DeliverySettingsBodySchema,
        },
      }),
    );
  };
