/** The money pages (invoices, receivables, statements, follow-ups); each is its own lazily loaded chunk. */
import { createRoute, lazyRouteComponent } from '@tanstack/react-router';
import type { AppRoute } from '../../shell-routes';
import { onlyIfCan, textParams } from '../../lib/routing';

/** The billing routes under the staff shell, for the router's tree. */
export function billingRoutes(appRoute: AppRoute) {
  const parent = () => appRoute;
  const invoices = createRoute({
    getParentRoute: parent,
    path: 'invoices',
    beforeLoad: onlyIfCan('seeInvoices'),
    validateSearch: textParams('q', 'status', 'accountId', 'bucket', 'ownerId'),
    component: lazyRouteComponent(() => import('./InvoicesPage'), 'InvoicesPage'),
  });
  const invoiceNew = createRoute({
    getParentRoute: parent,
    path: 'invoices/new',
    beforeLoad: onlyIfCan('createInvoice'),
    validateSearch: textParams('accountId'),
    component: lazyRouteComponent(() => import('./InvoiceCreatePage'), 'InvoiceCreatePage'),
  });
  const invoice = createRoute({
    getParentRoute: parent,
    path: 'invoices/$invoiceId',
    beforeLoad: onlyIfCan('seeInvoices'),
    component: lazyRouteComponent(() => import('./InvoicePage'), 'InvoicePage'),
  });
  const invoiceEdit = createRoute({
    getParentRoute: parent,
    path: 'invoices/$invoiceId/edit',
    beforeLoad: onlyIfCan('seeInvoices'),
    component: lazyRouteComponent(() => import('./InvoiceEditPage'), 'InvoiceEditPage'),
  });
  const receivables = createRoute({
    getParentRoute: parent,
    path: 'receivables',
    beforeLoad: onlyIfCan('seeReceivables'),
    validateSearch: textParams('groupBy', 'ownerId'),
    component: lazyRouteComponent(() => import('./ReceivablesPage'), 'ReceivablesPage'),
  });
  const statement = createRoute({
    getParentRoute: parent,
    path: 'accounts/$accountId/statement',
    beforeLoad: onlyIfCan('seeReceivables'),
    validateSearch: textParams('from', 'to'),
    component: lazyRouteComponent(() => import('./StatementPage'), 'StatementPage'),
  });
  const followUps = createRoute({
    getParentRoute: parent,
    path: 'follow-ups',
    beforeLoad: onlyIfCan('seeFollowUps'),
    component: lazyRouteComponent(() => import('./FollowUpsPage'), 'FollowUpsPage'),
  });
  return [invoices, invoiceNew, invoice, invoiceEdit, receivables, statement, followUps] as const;
}
