/** The staff navigation: every page, and which the user may use as the server says (`me.can`). */
import type { LinkProps } from '@tanstack/react-router';
import type { SessionAbilities } from '@common/schemas/auth';

interface NavItem {
  to: LinkProps['to'] & string;
  label: string;
  /** What the server must say the user may do (`me.can`) for the page to be listed; every user has it without. */
  needs?: keyof SessionAbilities;
}

export const NAV: NavItem[] = [
  { to: '/today', label: 'nav.today' },
  { to: '/my-work', label: 'nav.myWork', needs: 'takeTasks' },
  { to: '/accounts', label: 'nav.accounts', needs: 'seeAccounts' },
  { to: '/next-steps', label: 'nav.nextSteps', needs: 'seeInteractions' },
  { to: '/mail/unmatched', label: 'nav.unmatchedMail', needs: 'logInteractions' },
  { to: '/deals', label: 'nav.deals', needs: 'seeInteractions' },
  { to: '/sales-report', label: 'nav.salesReport', needs: 'seeInteractions' },
  { to: '/satisfaction-report', label: 'nav.satisfactionReport', needs: 'seeInteractions' },
  { to: '/objections', label: 'nav.objections', needs: 'seeInteractions' },
  { to: '/claims', label: 'nav.claims', needs: 'seeInteractions' },
  { to: '/corrective-actions', label: 'nav.correctiveActions', needs: 'seeInteractions' },
  { to: '/contacts', label: 'nav.contacts', needs: 'seeAccounts' },
  { to: '/projects', label: 'nav.projects', needs: 'seeProjects' },
  { to: '/portfolio', label: 'nav.portfolio', needs: 'seePortfolio' },
  { to: '/delivery', label: 'nav.delivery', needs: 'seeDelivery' },
  { to: '/workload', label: 'nav.workload', needs: 'seeWorkload' },
  { to: '/invoices', label: 'nav.invoices', needs: 'seeInvoices' },
  { to: '/receivables', label: 'nav.receivables', needs: 'seeReceivables' },
  { to: '/follow-ups', label: 'nav.followUps', needs: 'seeFollowUps' },
  { to: '/documents', label: 'nav.documents', needs: 'seeDocuments' },
  { to: '/users', label: 'nav.users', needs: 'manageUsers' },
  { to: '/services', label: 'nav.services', needs: 'seeServices' },
  { to: '/settings/delivery', label: 'nav.deliverySettings', needs: 'manageSettings' },
  { to: '/settings/deals', label: 'nav.dealSettings', needs: 'manageSettings' },
  { to: '/settings/claims', label: 'nav.claimSettings', needs: 'manageSettings' },
  { to: '/settings/surveys', label: 'nav.surveySettings', needs: 'manageSettings' },
  { to: '/settings/loyalty', label: 'nav.loyaltySettings', needs: 'manageSettings' },
  { to: '/settings/today', label: 'nav.todaySettings', needs: 'manageSettings' },
  { to: '/settings/webhooks', label: 'nav.webhookSettings', needs: 'manageSettings' },
  { to: '/settings/privacy', label: 'nav.privacySettings', needs: 'manageSettings' },
  { to: '/settings/agency', label: 'nav.agency', needs: 'manageSettings' },
  { to: '/settings/templates', label: 'nav.templates', needs: 'manageSettings' },
  { to: '/audit', label: 'nav.audit', needs: 'seeAuditLog' },
  { to: '/tokens', label: 'nav.tokens' },
  { to: '/security', label: 'nav.security' },
];

/** The navigation a user with these abilities sees. */
export const navFor = (can: SessionAbilities) => NAV.filter((item) => !item.needs || can[item.needs]);
