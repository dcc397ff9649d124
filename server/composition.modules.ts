import type { createAccountsModule } from './modules/accounts/index.js';
import type { createAuthModule } from './modules/auth/index.js';
import type { createBillingModule } from './modules/billing/index.js';
import type { createContactsModule } from './modules/contacts/index.js';
import type { createDocumentsModule } from './modules/documents/index.js';
import type { createEmailModule } from './modules/email/index.js';
import type { createInboxModule } from './modules/inbox/index.js';
import type { createInteractionsModule } from './modules/interactions/index.js';
import type { createNextStepsModule } from './modules/next-steps/index.js';
import type { createNotificationsModule } from './modules/notifications/index.js';
import type { createPlansModule } from './modules/plans/index.js';
import type { createProjectsModule } from './modules/projects/index.js';
import type { createSettingsModule } from './modules/settings/index.js';
import type { createTasksModule } from './modules/tasks/index.js';
import type { createTimelineModule } from './modules/timeline/index.js';
import type { createUsersModule } from './modules/users/index.js';

/** The modules the composition's parts build on, under the names composition.ts gives them. */
export interface ComposedModules {
  accounts: ReturnType<typeof createAccountsModule>;
  auth: ReturnType<typeof createAuthModule>;
  billing: ReturnType<typeof createBillingModule>;
  contacts: ReturnType<typeof createContactsModule>;
  documents: ReturnType<typeof createDocumentsModule>;
  email: ReturnType<typeof createEmailModule>;
  inbox: ReturnType<typeof createInboxModule>;
  interactions: ReturnType<typeof createInteractionsModule>;
  nextSteps: ReturnType<typeof createNextStepsModule>;
  notifications: ReturnType<typeof createNotificationsModule>;
  plans: ReturnType<typeof createPlansModule>;
  projects: ReturnType<typeof createProjectsModule>;
  settings: ReturnType<typeof createSettingsModule>;
  tasks: ReturnType<typeof createTasksModule>;
  timeline: ReturnType<typeof createTimelineModule>;
  users: ReturnType<typeof createUsersModule>;
}
