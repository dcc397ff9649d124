/**
 * What an empty list says, by what the signed-in user may do (`me.can`): the way to add the
 * first item for those who may, who does it for those who may not, and where the user's own
 * work is when the page is not theirs. No advice ever points at a button the user lacks.
 */
import type { LinkProps } from '@tanstack/react-router';
import type { SessionAbilities } from '@common/schemas/auth';

export interface Advice {
  /** Catalogue keys. */
  title: string;
  body: string;
  /** The page that does what the body suggests, with the label of the way there. */
  link?: { to: LinkProps['to'] & string; label: string };
}

const toMyWork = (can: SessionAbilities): Advice['link'] =>
  can.takeTasks ? { to: '/my-work', label: 'people.empty.toMyWork' } : undefined;

/** Clients' companies, for those who reach them; a specialist works from tasks instead. */
export function accountsAdvice(can: SessionAbilities): Advice {
  if (can.createAccount)
    return { title: 'accounts.emptyTitle', body: 'accounts.emptyBody', link: { to: '/accounts/new', label: 'accounts.new' } };
  if (can.seeAccounts) return { title: 'accounts.emptyTitle', body: 'people.empty.accountsAddedByManagers' };
  return { title: 'people.empty.accountsByManagersTitle', body: 'people.empty.accountsNotYours', link: toMyWork(can) };
}

export function contactsAdvice(can: SessionAbilities): Advice {
  if (can.createContact)
    return { title: 'contacts.emptyTitle', body: 'contacts.emptyBody', link: { to: '/contacts/new', label: 'contacts.new' } };
  if (can.seeAccounts) return { title: 'contacts.emptyTitle', body: 'people.empty.contactsAddedByManagers' };
  return { title: 'people.empty.contactsByManagersTitle', body: 'people.empty.contactsNotYours', link: toMyWork(can) };
}

/** Projects: those who start them, those who follow them, and a specialist who sees those of their tasks. */
export function projectsAdvice(can: SessionAbilities): Advice {
  if (can.createProject)
    return { title: 'projects.emptyTitle', body: 'projects.emptyBody', link: { to: '/projects/new', label: 'projects.new' } };
  if (can.seeProjects) return { title: 'projects.emptyTitle', body: 'people.empty.projectsStartedByManagers' };
  return { title: 'projects.emptyTitle', body: 'people.empty.projectsOfYourTasks', link: toMyWork(can) };
}

export function invoicesAdvice(can: SessionAbilities): Advice {
  if (can.createInvoice)
    return { title: 'invoices.emptyTitle', body: 'invoices.emptyBody', link: { to: '/invoices/new', label: 'invoices.new' } };
  return { title: 'invoices.emptyTitle', body: 'people.empty.invoicesDraftedByOthers' };
}

/** Next steps: shown here until done; those who manage accounts log them, others are given them. */
export function nextStepsAdvice(can: SessionAbilities, showingDone: boolean): Advice {
  if (showingDone) return { title: 'nextSteps.noneDoneTitle', body: 'people.empty.nextStepsDone' };
  if (can.logInteractions)
    return {
      title: 'nextSteps.noneTitle',
      body: 'people.empty.nextStepsLogThem',
      link: { to: '/accounts', label: 'people.empty.toAccounts' },
    };
  return { title: 'nextSteps.noneTitle', body: 'people.empty.nextStepsGiven' };
}

/** A portfolio with no project: the user's own (start one from an account) or another manager's. */
export function portfolioAdvice(can: SessionAbilities, otherManager: boolean): Advice {
  if (otherManager) return { title: 'portfolio.emptyTitle', body: 'people.empty.portfolioOfOther' };
  if (can.createProject)
    return { title: 'portfolio.emptyTitle', body: 'portfolio.emptyBody', link: { to: '/accounts', label: 'portfolio.toAccounts' } };
  return { title: 'portfolio.emptyTitle', body: 'people.empty.portfolioOwnNone' };
}

/** No specialist to measure: an admin adds them, others are told who does. */
export function workloadAdvice(can: SessionAbilities): Advice {
  if (can.manageUsers)
    return { title: 'workload.emptyTitle', body: 'people.empty.workloadAddSpecialists', link: { to: '/users/new', label: 'users.new' } };
  return { title: 'workload.emptyTitle', body: 'workload.emptyBody' };
}
