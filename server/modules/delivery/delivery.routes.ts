import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import {
  DeliveryReportQuerySchema,
  DeliveryReportSchema,
  PortfolioQuerySchema,
  PortfolioReportSchema,
  WorkloadQuerySchema,
  WorkloadReportSchema,
} from '../../../common/schemas/delivery.js';
import type { DeliveryReports } from './delivery.service.js';
import { assertStaff } from '../access/index.js';

export const deliveryRoutes =
  (reports: DeliveryReports): FastifyPluginAsyncZod =>
  async (app) => {
    const tags = ['delivery'];
    app.get(
      '/reports/delivery',
      {
        config: { authorize: assertStaff },
        schema: {
          tags,
          summary: 'Late and blocked tasks, milestones at risk, in the projects in scope',
          querystring: DeliveryReportQuerySchema,
          response: { 200: DeliveryReportSchema },
        },
      },
      async (req) => reports.delivery(req.requireActor(), req.query),
    );
    app.get(
      '/reports/workload',
      {
        config: { authorize: assertStaff },
        schema: {
          tags,
          summary: 'Each specialist’s open hours per week against capacity',
          querystring: WorkloadQuerySchema,
          response: { 200: WorkloadReportSchema },
        },
      },
      async (req) => reports.workload(req.requireActor(), req.query.weeks),
    );
    app.get(
      '/reports/portfolio',
      {
        schema: {
          tags,
          summary: 'The projects in scope by stage: plan, next milestone, late and blocked work, budget used',
          querystring: PortfolioQuerySchema,
          response: { 200: PortfolioReportSchema },
        },
      },
      async (req) => reports.portfolio(req.requireActor(), req.query),
    );
  };
