import { z } from 'zod';
import { PasswordSchema, refusePersonalPassword, UserSchema } from './user.js';
import { EmailSchema, abilitiesOf, requiredText } from './common.js';
import { TwoFactorStateSchema } from './two-factor.js';

export const LoginSchema = z.object({
  email: EmailSchema,
  password: z
    .string({ message: 'validation.password_required' })
    .min(1, { message: 'validation.password_required' })
    .max(200, { message: 'validation.too_long' }),
});
export type Login = z.infer<typeof LoginSchema>;

/** What the signed-in user may do across the app, for navigation and the buttons that start something new. */
export const SessionAbilitiesSchema = abilitiesOf({
  seeAccounts: 'Reach client accounts and their contacts at all',
  createAccount: 'Add a client company',
  createContact: 'Add contacts to the accounts one manages',
  seeInteractions: 'See internal records: logged interactions and account timelines',
  logInteractions: 'Log meetings, calls, emails and notes, with their next steps, on the accounts one manages',
  seeProjects: 'See the projects of the accounts one reads (one who reaches no account sees only those of their own tasks)',
  seeDelivery: 'See late and blocked work across those projects (staff; a specialist sees only their own)',
  seeWorkload: 'See the workload of every specialist (not only one’s own)',
  createProject: 'Start projects for the accounts one manages',
  takeTasks: 'Be assigned tasks (and so have one’s own work to do)',
  seePortfolio: 'See one’s portfolio of projects by stage',
  switchReportScope: 'Switch the delivery report and the portfolio between one’s own accounts and all one can see (scope=mine)',
  seeInvoices: 'See invoices and payments',
  createInvoice: 'Draft invoices for the accounts one bills',
  seeReceivables: 'See receivables, statements and follow-up emails',
  seeFollowUps: 'Have follow-up calls and alerts',
  runFollowUps: 'Run today’s follow-ups now',
  changeStopWork: 'Set and lift accounts’ stop-work flags',
  seeDocuments: 'See the documents registry (contracts, acts, reports, proposals)',
  createDocument: 'Draft documents for the accounts one manages',
  seeServices: 'Read the service catalog (services, prices, delivery templates)',
  manageServices: 'Add, change, deactivate and reactivate catalog services',
  seeUsers: 'Look up the agency’s users',
  manageUsers: 'Create and change users',
  manageSettings: 'Change the agency’s settings: delivery roles and rates, briefs, billing, sign-in security',
  seeAuditLog: 'Read the audit log',
});
export type SessionAbilities = z.infer<typeof SessionAbilitiesSchema>;

export const MeSchema = z.object({
  user: UserSchema,
  accountName: z.string().nullable(),
  twoFactor: TwoFactorStateSchema,
  can: SessionAbilitiesSchema.describe('What you may do across the app, decided by the server'),
});
export type Me = z.infer<typeof MeSchema>;

export const SetupSchema = z
  .object({
    email: EmailSchema,
    name: requiredText(200, 'user.your_name_required'),
    password: PasswordSchema,
  })
  .superRefine(refusePersonalPassword);
export type Setup = z.infer<typeof SetupSchema>;

export const SetupStateSchema = z.object({ needed: z.boolean() });

export const ApiTokenCreateSchema = z.object({
  name: requiredText(100, 'user.token_name_required'),
});
export const ApiTokenSchema = z.object({
  id: z.string(),
  name: z.string(),
  prefix: z.string(),
  createdAt: z.string(),
  lastUsedAt: z.string().nullable(),
});
export type ApiToken = z.infer<typeof ApiTokenSchema>;
export const ApiTokenCreatedSchema = ApiTokenSchema.extend({
  token: z.string().describe('Shown once; store it now'),
});
