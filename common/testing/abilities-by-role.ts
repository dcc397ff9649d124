/**
 * What each role may do across the app (`me.can`), as the rules say: the server's tests check
 * the API agrees with it, and the web app's tests word pages for each role from it.
 */
import type { Role } from '../enums.js';
import { SessionAbilitiesSchema, type SessionAbilities } from '../schemas/auth.js';

type Flag = keyof SessionAbilities;

const ALL = Object.keys(SessionAbilitiesSchema.shape) as Flag[];

const MANAGER: Flag[] = [
  'seeAccounts',
  'createAccount',
  'createContact',
  'seeInteractions',
  'logInteractions',
  'seeProjects',
  'seeDelivery',
  'seeWorkload',
  'createProject',
  'seePortfolio',
  'switchReportScope',
  'seeInvoices',
  'createInvoice',
  'seeReceivables',
  'seeFollowUps',
  'seeDocuments',
  'createDocument',
  'seeServices',
  'seeUsers',
];

/** The flags each role has; every other flag is false. */
export const ABILITIES_BY_ROLE: Record<Role, readonly Flag[]> = {
  admin: ALL.filter((f) => f !== 'takeTasks'),
  account_manager: MANAGER,
  specialist: ['takeTasks', 'seeServices', 'seeUsers'],
  finance: [
    'seeAccounts',
    'seeInteractions',
    'seeProjects',
    'seeDelivery',
    'seeWorkload',
    'seeInvoices',
    'createInvoice',
    'seeReceivables',
    'seeFollowUps',
    'changeStopWork',
    'seeDocuments',
    'createDocument',
    'seeServices',
    'seeUsers',
  ],
  client: ['seeAccounts', 'seeProjects', 'seeInvoices', 'seeDocuments'],
};

/** The session abilities of a user with this role. */
export const abilitiesOfRole = (role: Role): SessionAbilities =>
  Object.fromEntries(ALL.map((f) => [f, ABILITIES_BY_ROLE[role].includes(f)])) as SessionAbilities;
