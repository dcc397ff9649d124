import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { Services } from '../../services.js';
import { followUpRoutes } from '../follow-ups/follow-up.routes.js';
import { receivablesRoutes } from '../receivables/receivables.routes.js';
import { billingRoutes } from './billing.routes.js';
import { invoiceRoutes } from './invoice.routes.js';
import { paymentRoutes } from './payment.routes.js';

/** Every money route: invoices, payments, exposure and stop-work, follow-ups, receivables and statements. */
export const billingApi: FastifyPluginAsyncZod<{ services: Services }> = async (app, { services: s }) => {
  await app.register(invoiceRoutes, { invoices: s.invoices, lifecycle: s.invoiceLifecycle });
  await app.register(paymentRoutes, { payments: s.payments });
  await app.register(billingRoutes, { billing: s.billing, actions: s.billingActions, settings: s.billingSettings });
  await app.register(followUpRoutes, { desk: s.followUpDesk });
  await app.register(receivablesRoutes, { receivables: s.receivables, statements: s.statements });
};
