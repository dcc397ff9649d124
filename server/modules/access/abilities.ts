import type { AccountAbilities } from '../../../common/schemas/account.js';
import type { SessionAbilities } from '../../../common/schemas/auth.js';
import type { Actor } from './actor.js';
import { canManageAccount, managesAccounts, seesAccounts, seesInternalRecords, type OwnedAccount } from './accounts.policy.js';
import {
  canManageBilling,
  canReadAccountBilling,
  changesStopWork,
  createsInvoices,
  hasFollowUps,
  seesBilling,
  seesReceivables,
} from './billing.policy.js';
import {
  canManageDelivery,
  overseesDelivery,
  seesAccountProjects,
  seesPortfolios,
  switchesReportScope,
  startsProjects,
  takesTasks,
} from './delivery.policy.js';
import { canCreateDocumentFor, createsDocuments, seesDocuments } from './documents.policy.js';
import { managesServices, seesServices } from './catalog.policy.js';
import { isAdmin, isStaff } from './people.policy.js';
import { canUseRequests } from './requests.policy.js';

/*
 * Abilities that span the domains: what the actor may do with an account (its contacts,
 * projects, invoices, stop-work) and across the app. Each flag is the predicate the service
 * or route that does the thing checks, so a page showing an action agrees with the API.
 */

/** What the actor may do with an account they read. */
export function accountAbilities(actor: Actor, account: OwnedAccount): AccountAbilities {
  const manages = canManageAccount(actor, account);
  return {
    update: manages,
    delete: manages,
    addContact: manages,
    logInteraction: manages && seesInternalRecords(actor),
    addProject: canManageDelivery(actor, account),
    seeBilling: canReadAccountBilling(actor, account),
    createInvoice: createsInvoices(actor) && canManageBilling(actor, account),
    changeStopWork: changesStopWork(actor),
    createDocument: canCreateDocumentFor(actor, account),
    writeMessage: canUseRequests(actor, account),
  };
}

/** What the signed-in user may do across the app: which pages they have and what they may start. */
export function sessionAbilities(actor: Actor): SessionAbilities {
  const admin = isAdmin(actor);
  return {
    seeAccounts: seesAccounts(actor),
    createAccount: managesAccounts(actor),
    createContact: managesAccounts(actor),
    seeInteractions: seesInternalRecords(actor),
    logInteractions: managesAccounts(actor) && seesInternalRecords(actor),
    seeProjects: seesAccountProjects(actor),
    seeDelivery: overseesDelivery(actor),
    seeWorkload: overseesDelivery(actor),
    createProject: startsProjects(actor),
    takeTasks: takesTasks(actor),
    seePortfolio: seesPortfolios(actor),
    switchReportScope: switchesReportScope(actor),
    seeInvoices: seesBilling(actor),
    createInvoice: createsInvoices(actor),
    seeReceivables: seesReceivables(actor),
    seeFollowUps: hasFollowUps(actor),
    runFollowUps: admin,
    changeStopWork: changesStopWork(actor),
    seeDocuments: seesDocuments(actor),
    createDocument: createsDocuments(actor),
    seeServices: seesServices(actor),
    manageServices: managesServices(actor),
    seeUsers: isStaff(actor),
    manageUsers: admin,
    manageSettings: admin,
    seeAuditLog: admin,
  };
}
