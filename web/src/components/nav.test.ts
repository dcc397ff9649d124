import { describe, expect, it } from 'vitest';
import { sessionAllowing } from '../test-abilities';
import { navFor } from './nav';

const pages = (...allowed: Parameters<typeof sessionAllowing>) => navFor(sessionAllowing(...allowed)).map((item) => item.to);

describe('the navigation', () => {
  it('lists only what every user has when the server allows nothing else', () => {
    expect(pages()).toEqual(['/today', '/tokens', '/security']);
  });

  it('shows the documents registry to those who may see documents', () => {
    expect(pages('seeDocuments', 'seeInvoices')).toEqual(['/today', '/invoices', '/documents', '/tokens', '/security']);
  });

  it('follows the abilities the server sent, not the role', () => {
    expect(pages('takeTasks', 'seeUsers')).toEqual(['/today', '/my-work', '/tokens', '/security']);
    expect(pages('seeAccounts', 'seeProjects', 'seeDelivery', 'seeWorkload', 'seeInvoices', 'seeReceivables', 'seeFollowUps')).toEqual([
      '/today',
      '/accounts',
      '/contacts',
      '/projects',
      '/delivery',
      '/workload',
      '/invoices',
      '/receivables',
      '/follow-ups',
      '/tokens',
      '/security',
    ]);
  });

  it('shows next steps, the sales pages and claims to those who see internal records', () => {
    expect(pages('seeInteractions')).toEqual([
      '/today',
      '/next-steps',
      '/deals',
      '/sales-report',
      '/satisfaction-report',
      '/objections',
      '/claims',
      '/corrective-actions',
      '/tokens',
      '/security',
    ]);
  });

  it('shows the admin pages to those who may manage users, settings and read the audit log', () => {
    expect(pages('manageUsers', 'manageSettings', 'seeAuditLog')).toEqual([
      '/today',
      '/users',
      '/settings/delivery',
      '/settings/deals',
      '/settings/claims',
      '/settings/surveys',
      '/settings/loyalty',
      '/settings/today',
      '/settings/webhooks',
      '/settings/privacy',
      '/settings/agency',
      '/settings/templates',
      '/audit',
      '/tokens',
      '/security',
    ]);
  });
});
