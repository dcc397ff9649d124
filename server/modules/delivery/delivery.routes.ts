import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import {
  DeliveryReportQuerySchema,
  DeliveryReportSchema,
  DeliverySettingsBodySchema,
  PortfolioQuerySchema,
  PortfolioReportSchema,
  WorkloadQuerySchema,
  WorkloadReportSchema,
} from '../../../common/schemas/delivery.js';
import type { Services } from '../../services.js';
import { assertAdmin, assertStaff } from '../access/policy.js';
import { forbidden } from '../../lib/errors.js';
import { deliveryReport } from './delivery.report.js';
import { loadDeliverySettings, saveDeliverySettings } from './delivery.settings.js';
import { portfolioReport } from './portfolio.report.js';
import { workloadReport } from './workload.report.js';

export const deliveryRoutes: FastifyPluginAsyncZod<{ services: Services }> = async (app, { services }) => {
  const { settings } = services;
  // The agency's day, in its time zone: the same "today" billing uses for overdue.
  const today = () => services.billingSettings.today();
  const tags = ['delivery'];

  app.get(
    '/reports/delivery',
    {
      schema: {
        tags,
        summary: 'Late and blocked tasks, milestones at risk',
        querystring: DeliveryReportQuerySchema,
        response: { 200: DeliveryReportSchema },
      },
    },
    async (req) => {
      const actor = req.requireActor();
      assertStaff(actor);
      return deliveryReport(app.db, services.tasks.repo, actor, await today(), req.query.ownerId);
    },
  );

  app.get(
    '/reports/workload',
    {
      schema: {
        tags,
        summary: 'Each specialist’s open hours per week against capacity',
        querystring: WorkloadQuerySchema,
        response: { 200: WorkloadReportSchema },
      },
    },
    async (req) => {
      const actor = req.requireActor();
      assertStaff(actor);
      return workloadReport(app.db, actor, await today(), req.query.weeks);
    },
  );

  app.get(
    '/reports/portfolio',
    {
      schema: {
        tags,
        summary: 'A manager’s projects by stage',
        querystring: PortfolioQuerySchema,
        response: { 200: PortfolioReportSchema },
      },
    },
    async (req) => {
      const actor = req.requireActor();
      const managerId = req.query.managerId ?? actor.id;
      if (actor.role !== 'admin' && !(actor.role === 'account_manager' && managerId === actor.id)) {
        throw forbidden('The portfolio shows an account manager’s own projects.');
      }
      const { roleRates } = await loadDeliverySettings(settings);
      return portfolioReport(app.db, managerId, await today(), roleRates);
    },
  );

  app.get(
    '/settings/delivery',
    { schema: { tags, summary: 'Specialist roles and hourly rates', response: { 200: DeliverySettingsBodySchema } } },
    async (req) => {
      assertStaff(req.requireActor());
      return loadDeliverySettings(settings);
    },
  );

  app.put(
    '/settings/delivery',
    {
      schema: {
        tags,
        summary: 'Change specialist roles and rates (admins)',
        body: DeliverySettingsBodySchema,
        response: { 200: DeliverySettingsBodySchema },
      },
    },
    async (req) => {
      assertAdmin(req.requireActor());
      await saveDeliverySettings(settings, req.body);
      return loadDeliverySettings(settings);
    },
  );
};
