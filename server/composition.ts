import type { FastifyBaseLogger } from 'fastify';
import type { Language } from '../common/enums.js';
import { pino } from 'pino';
import type { Database } from './db/database.js';
import { JobService } from './jobs/job.service.js';
import type { Clock } from './lib/clock.js';
import { createAccountsModule } from './modules/accounts/index.js';
import { createAuditModule } from './modules/audit/index.js';
import { createAuthModule } from './modules/auth/index.js';
import { createCatalogModule } from './modules/catalog/index.js';
import { createContactsModule } from './modules/contacts/index.js';
import { createDealsModule } from './modules/deals/index.js';
import { createDeliveryModule } from './modules/delivery/index.js';
import type { PdfRenderer } from './modules/documents/index.js';
import { createEmailModule, createMailer, type Mailer } from './modules/email/index.js';
import { createHealthModule } from './modules/health/index.js';
import { createInteractionsModule } from './modules/interactions/index.js';
import { createKickoffModule } from './modules/kickoff/index.js';
import { createLoyaltyModule } from './modules/loyalty/index.js';
import { createMessagesModule } from './modules/messages/index.js';
import { createNextStepsModule } from './modules/next-steps/index.js';
import { createNotificationsModule } from './modules/notifications/index.js';
import { createObjectionsModule } from './modules/objections/index.js';
import { servicesOfAll, type ModuleContext, type ModuleParts } from './modules/module.js';
import { createPlansModule } from './modules/plans/index.js';
import { createPortalModule } from './modules/portal/index.js';
import { createPortalAccessModule } from './modules/portal-access/index.js';
import { createPrivacyModule } from './modules/privacy/index.js';
import { createProjectsModule } from './modules/projects/index.js';
import { createProposalsModule } from './modules/proposals/index.js';
import { createSettingsModule } from './modules/settings/index.js';
import { createTasksModule } from './modules/tasks/index.js';
import { createTodayModule } from './modules/today/index.js';
import { createTimelineModule } from './modules/timeline/index.js';
import { createUsersModule } from './modules/users/index.js';
import { assignmentNotices, clientMessageNotices, createInboxModule } from './modules/inbox/index.js';
import type { BackupSchedule } from './modules/backups/index.js';
import { composeBilling } from './composition.billing.js';
import { composeCustomerCare } from './composition.care.js';
import { composeIntegrations } from './composition.integrations.js';

export interface CompositionOptions {
  sessionTtlMs: number;
  defaultCurrency: string;
  /** The agency's language: catalog texts must be written in it. */
  defaultLanguage?: Language;
  /** Cookies only over https. */
  secureCookies?: boolean;
  /** Where users reach the app; links in emails are built from it. */
  publicUrl?: string;
  mailer?: Mailer;
  /** The email dropbox's domain (INBOUND_EMAIL_DOMAIN); the host of `publicUrl` when omitted. */
  inboundEmailDomain?: string;
  /** Renders PDFs off the request thread; the app closes it when it stops. */
  pdfRenderer?: PdfRenderer;
  log: FastifyBaseLogger;
  /** The daily backup (BACKUP_SCHEDULE=daily); none when omitted. */
  backupSchedule?: BackupSchedule;
}

/**
 * The composition root: builds every module from its face, in dependency order, and plugs
 * what they contribute (routes, jobs, timeline event kinds) into the shared registries.
 * Nothing in `modules/` imports this file.
 */
export function composeModules(db: Database, clock: Clock, opts: CompositionOptions) {
  const ctx: ModuleContext = { db, clock, log: opts.log };
  const jobs = new JobService(db, clock, undefined, opts.log);
  const settings = createSettingsModule(ctx);
  const audit = createAuditModule(ctx);
  const timeline = createTimelineModule();
  // Users sit below contacts; the link of a client user to their contact is answered by the
  // contacts module, built a few lines on (the closure runs only once requests arrive).
  const users = createUsersModule(ctx, { settings: settings.settings, contactLink: (trx, id) => contacts.contacts.linkOf(trx, id) });
  const accounts = createAccountsModule(
    ctx,
    { timeline: timeline.timeline, users: users.users },
    { defaultCurrency: opts.defaultCurrency },
  );
  const contacts = createContactsModule(ctx, { accounts: accounts.accounts, timeline: timeline.timeline });
  const email = createEmailModule(
    ctx,
    { timeline: timeline.timeline },
    { mailer: opts.mailer ?? createMailer({ from: 'Liaison <no-reply@localhost>' }) },
  );
  const notifications = createNotificationsModule(
    ctx,
    { contacts: contacts.contacts, outbox: email.outbox, calendar: settings.calendar },
    { publicUrl: opts.publicUrl },
  );
  const auth = createAuthModule(
    ctx,
    { users: users.users, accounts: accounts.accounts, settings: settings.settings, outbox: email.outbox },
    { sessionTtlMs: opts.sessionTtlMs, secureCookies: opts.secureCookies ?? false, publicUrl: opts.publicUrl },
  );
  const portalAccess = createPortalAccessModule(
    ctx,
    {
      contacts: contacts.contacts,
      accounts: accounts.accounts,
      users: users.users,
      auth: auth.auth,
      links: auth.links,
      outbox: email.outbox,
      timeline: timeline.timeline,
    },
    { publicUrl: opts.publicUrl, secureCookies: opts.secureCookies ?? false },
  );
  const projects = createProjectsModule(ctx, {
    accounts: accounts.accounts,
    users: users.users,
    timeline: timeline.timeline,
    calendar: settings.calendar,
  });
  const nextSteps = createNextStepsModule(ctx, {
    calendar: settings.calendar,
    accounts: accounts.accounts,
    users: users.users,
    timeline: timeline.timeline,
  });
  const deals = createDealsModule(ctx, {
    settings: settings.settings,
    calendar: settings.calendar,
    accounts: accounts.accounts,
    users: users.users,
    timeline: timeline.timeline,
  });
  const interactions = createInteractionsModule(ctx, {
    accounts: accounts.accounts,
    contacts: contacts.contacts,
    projects: projects.projects,
    nextSteps: nextSteps.nextSteps,
    deals: deals.deals,
    settings: settings.settings,
  });
  const objections = createObjectionsModule(ctx, {
    settings: settings.settings,
    deals: deals.deals,
    interactions: interactions.interactions,
    timeline: timeline.timeline,
  });
  const plans = createPlansModule(
    ctx,
    {
      projects: projects.projects,
      timeline: timeline.timeline,
      calendar: settings.calendar,
      accounts: accounts.accounts,
      contacts: contacts.contacts,
      outbox: email.outbox,
      notifications: notifications.notifications,
      settings: settings.settings,
    },
    { publicUrl: opts.publicUrl },
  );
  const tasks = createTasksModule(
    ctx,
    {
      projects: projects.projects,
      milestones: plans.milestones,
      users: users.users,
      settings: settings.settings,
      calendar: settings.calendar,
    },
    { defaultCurrency: opts.defaultCurrency },
  );
  const catalog = createCatalogModule(
    ctx,
    { roles: tasks.roles },
    { defaultLanguage: opts.defaultLanguage ?? 'en', defaultCurrency: opts.defaultCurrency },
  );
  const kickoff = createKickoffModule(ctx, {
    accounts: accounts.accounts,
    catalog: catalog.catalog,
    projects: projects.projects,
    milestones: plans.milestones,
    tasks: tasks.tasks,
    roles: tasks.roles,
  });
  const delivery = createDeliveryModule(ctx, { calendar: settings.calendar, tasks: tasks.tasks, roles: tasks.roles, users: users.users });
  const { billing, documents, statusReports, acts, followUps, receivables } = composeBilling(
    ctx,
    jobs,
    { settings, accounts, contacts, projects, tasks, email, notifications, timeline },
    opts,
  );
  const portal = createPortalModule(ctx, {
    projects: projects.projects,
    requirements: plans.requirements,
    briefs: plans.briefs,
    documents: documents.documents,
    invoices: billing.invoices,
    accounts: accounts.accounts,
    users: users.users,
    photos: users.photos,
    agency: documents.agency,
  });

  const messages = createMessagesModule(
    ctx,
    { accounts: accounts.accounts, projects: projects.projects, users: users.users, outbox: email.outbox, timeline: timeline.timeline },
    { publicUrl: opts.publicUrl },
  );
  // The agency's answers to a company's requests are among what its people are told of.
  messages.messages.onReply(async (t, reply) => {
    await notifications.notifications.notifyClients(
      { accountId: reply.accountId, kind: 'request_reply', subjectId: reply.id, path: '/portal/requests', params: { excerpt: reply.body } },
      t,
    );
  });
  const { claims, surveys, correctiveActions, satisfactionReport } = composeCustomerCare(
    ctx,
    { settings, users, accounts, contacts, projects, plans, nextSteps, documents, auth, email, timeline },
    opts,
  );
  const proposals = createProposalsModule(
    ctx,
    {
      calendar: settings.calendar,
      accounts: accounts.accounts,
      deals: deals.deals,
      dealSettings: deals.dealSettings,
      catalog: catalog.catalog,
      contacts: contacts.contacts,
      users: users.users,
      documentLifecycle: documents.documentLifecycle,
      agency: documents.agency,
      outbox: email.outbox,
      timeline: timeline.timeline,
      links: auth.links,
      kickoff: kickoff.kickoff,
      settings: settings.settings,
    },
    { publicUrl: opts.publicUrl },
  );

  // Today merges what needs each person now, from the providers the modules contribute (below).
  const today = createTodayModule(ctx, {
    calendar: settings.calendar,
    accounts: accounts.accounts,
    users: users.users,
    settings: settings.settings,
  });
  const loyalty = createLoyaltyModule(
    ctx,
    {
      settings: settings.settings,
      calendar: settings.calendar,
      accounts: accounts.accounts,
      users: users.users,
      outbox: email.outbox,
      timeline: timeline.timeline,
      paymentRecord: billing.paymentRecord,
      latestNps: surveys.latestNps,
      openCriticalClaims: claims.openCriticalClaims,
    },
    { publicUrl: opts.publicUrl },
  );
  // A tier's benefits: a discount line on new proposals and invoices, faster claim deadlines.
  proposals.addDiscountSource((t, accountId) => loyalty.loyalty.discountOf(t, accountId));
  billing.invoices.addDiscountSource((t, accountId) => loyalty.loyalty.discountOf(t, accountId));
  claims.addDeadlineAdjuster((t, accountId) => loyalty.loyalty.deadlineShareOf(t, accountId));
  // Health reads every other module's facts through their faces, so it is built last.
  const health = createHealthModule(ctx, {
    settings: settings.settings,
    calendar: settings.calendar,
    accounts: accounts.accounts,
    paymentHealth: billing.paymentHealth,
    satisfactionHealth: surveys.satisfactionHealth,
    claimHealth: claims.claimHealth,
    taskHealth: tasks.taskHealth,
    milestoneHealth: plans.milestoneHealth,
    nextStepHealth: nextSteps.nextStepHealth,
    dealHealth: deals.dealHealth,
    loyaltyHealth: loyalty.loyaltyHealth,
    contactHealth: interactions.contactHealth,
  });

  // Staff notifications: the bell and the morning digest; clients' messages and assignments are told where they happen.
  const inbox = createInboxModule(
    ctx,
    { calendar: settings.calendar, users: users.users, today: today.today, outbox: email.outbox },
    { publicUrl: opts.publicUrl },
  );
  messages.messages.onClientMessage((t, message, account) => inbox.inbox.notify(t, clientMessageNotices(message, account)));
  tasks.tasks.onAssigned((t, task, actorId) => inbox.inbox.notify(t, assignmentNotices.task(task, actorId)));
  accounts.accounts.onOwnersChanged((t, account, before, actorId) =>
    inbox.inbox.notify(t, assignmentNotices.account(account, before, actorId)),
  );
  const { dropbox, webhooks, imports, search, calendarFeeds, backups } = composeIntegrations(
    ctx,
    jobs,
    { settings, users, accounts, contacts, interactions, timeline, billing, inbox },
    opts,
  );
  const privacy = createPrivacyModule(ctx, { settings: settings.settings, calendar: settings.calendar });

  const modules = {
    settings,
    audit,
    timeline,
    users,
    accounts,
    contacts,
    auth,
    portalAccess,
    projects,
    nextSteps,
    deals,
    interactions,
    plans,
    tasks,
    catalog,
    kickoff,
    delivery,
    billing,
    email,
    notifications,
    documents,
    statusReports,
    acts,
    followUps,
    receivables,
    portal,
    messages,
    claims,
    objections,
    surveys,
    correctiveActions,
    satisfactionReport,
    proposals,
    today,
    loyalty,
    inbox,
    health,
    webhooks,
    dropbox,
    imports,
    search,
    calendarFeeds,
    backups,
    privacy,
  };
  const parts: ModuleParts[] = Object.values(modules);
  for (const m of parts) {
    if (m.timelineEvents) timeline.timeline.registerKinds(m.timelineEvents);
    if (m.jobs) jobs.register(...m.jobs);
    for (const provider of m.agenda ?? []) today.today.addProvider(provider);
    for (const source of m.search ?? []) search.globalSearch.addSource(source);
    for (const source of m.feeds ?? []) calendarFeeds.calendarFeeds.addSource(source);
  }
  return {
    modules,
    jobs,
    /** Route plugins to mount under /api/v1, in registration order. */
    routes: parts.flatMap((m) => (m.routes ? [m.routes] : [])),
    /** What the modules add to /metrics. */
    metrics: parts.flatMap((m) => (m.metrics ? [m.metrics] : [])),
    /** Every module's services by name, for the app's callers on top (CLI, demo seeding, tests). */
    services: { ...servicesOfAll(modules), jobs },
  };
}

export type Composition = ReturnType<typeof composeModules>;
export type Services = Composition['services'];

/** The services alone, for commands that work on the database without serving HTTP (CLI, demo seeding). */
export function composeServices(db: Database, clock: Clock, opts: Partial<CompositionOptions> = {}): Services {
  return composeModules(db, clock, {
    sessionTtlMs: 3600_000,
    defaultCurrency: 'EUR',
    log: pino({ level: 'silent' }),
    ...opts,
  }).services;
}
