import type { FastifyInstance, InjectOptions, LightMyRequestResponse } from 'fastify';
import type { Language, Role } from '../../common/enums.js';
import type { Account, AccountCreate } from '../../common/schemas/account.js';
import type { Contact } from '../../common/schemas/contact.js';
import type { User } from '../../common/schemas/user.js';
import { buildApp } from '../app.js';
import type { MetricsAccessOptions } from '../metrics/access.js';
import { TestClock } from './clock.js';
import { createTestDatabase, type TestDatabase } from './database.js';

export const PASSWORD = 'Correct-Horse-Battery-9';

type Method = 'GET' | 'POST' | 'PATCH' | 'DELETE' | 'PUT';

/** A signed-in caller: every request carries its session cookie. */
export class Caller {
  constructor(
    private readonly app: FastifyInstance,
    readonly user: User,
    readonly cookie: string,
  ) {}

  request(method: Method, url: string, body?: unknown, headers: Record<string, string> = {}): Promise<LightMyRequestResponse> {
    const opts: InjectOptions = { method, url, headers: { cookie: this.cookie, ...headers } };
    if (body !== undefined) opts.payload = body as InjectOptions['payload'];
    return this.app.inject(opts);
  }

  get = (url: string, headers?: Record<string, string>) => this.request('GET', url, undefined, headers);
  post = (url: string, body?: unknown, headers?: Record<string, string>) => this.request('POST', url, body, headers);
  patch = (url: string, body: unknown, headers?: Record<string, string>) => this.request('PATCH', url, body, headers);
  put = (url: string, body: unknown, headers?: Record<string, string>) => this.request('PUT', url, body, headers);
  delete = (url: string, headers?: Record<string, string>) => this.request('DELETE', url, undefined, headers);
}

export interface TestApp {
  app: FastifyInstance;
  clock: TestClock;
  database: TestDatabase;
  admin: Caller;
  /** Creates a user of the role (a client needs a contact) and signs them in. */
  signIn(role: Role, extra?: { contactId?: string; email?: string; name?: string }): Promise<Caller>;
  login(email: string, password?: string): Promise<LightMyRequestResponse>;
  createAccount(by: Caller, input?: Partial<AccountCreate>): Promise<Account>;
  createContact(by: Caller, accountId: string, firstName?: string): Promise<Contact>;
  close(): Promise<void>;
}

let seq = 0;

/** A whole app on a fresh database, with an admin signed in; `now` starts its clock (sessions last a week of it). */
export async function createTestApp(
  opts: {
    sqlitePath?: string;
    smtpUrl?: string;
    now?: string;
    publicUrl?: string;
    defaultLanguage?: Language;
    metrics?: MetricsAccessOptions;
  } = {},
): Promise<TestApp> {
  const database = await createTestDatabase(opts.sqlitePath);
  const clock = new TestClock(opts.now);
  const app = await buildApp({
    db: database.db,
    dialect: database.dialect,
    clock,
    logLevel: process.env.TEST_LOG ?? 'silent',
    webDist: null,
    smtpUrl: opts.smtpUrl,
    publicUrl: opts.publicUrl,
    defaultLanguage: opts.defaultLanguage,
    metrics: opts.metrics,
  });
  await app.ready();

  const login = (email: string, password = PASSWORD) =>
    app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { email, password } });

  const signIn: TestApp['signIn'] = async (role, extra = {}) => {
    seq += 1;
    const email = extra.email ?? `${role}.${seq}@example.test`;
    const user = await app.services.users.create(null, {
      email,
      name: extra.name ?? `${role} ${seq}`,
      role,
      password: PASSWORD,
      contactId: extra.contactId,
    });
    const res = await login(email);
    if (res.statusCode !== 200) throw new Error(`sign-in failed: ${res.body}`);
    const cookie = String(res.headers['set-cookie']).split(';')[0];
    return new Caller(app, user, cookie);
  };

  const admin = await signIn('admin');
  return {
    app,
    clock,
    database,
    admin,
    signIn,
    login,
    async createAccount(by, input = {}) {
      seq += 1;
      const res = await by.post('/api/v1/accounts', { name: `Account ${seq}`, ...input });
      if (res.statusCode !== 201) throw new Error(`create account failed: ${res.body}`);
      return res.json();
    },
    async createContact(by, accountId, firstName = `Person${seq}`) {
      const res = await by.post('/api/v1/contacts', { accountId, firstName, email: `${firstName.toLowerCase()}@client.test` });
      if (res.statusCode !== 201) throw new Error(`create contact failed: ${res.body}`);
      return res.json();
    },
    async close() {
      await app.close();
      await database.drop();
    },
  };
}

/** Rows in a table, to prove that a refused request wrote nothing. */
export async function countRows(
  t: TestApp,
  table:
    | 'accounts'
    | 'contacts'
    | 'interactions'
    | 'users'
    | 'audit_log'
    | 'timeline_events'
    | 'client_messages'
    | 'deals'
    | 'deal_stage_changes'
    | 'services'
    | 'service_prices'
    | 'service_milestones'
    | 'service_tasks'
    | 'claims'
    | 'claim_links'
    | 'claim_breaches'
    | 'corrective_actions'
    | 'corrective_action_claims'
    | 'objections'
    | 'surveys'
    | 'loyalty_tiers'
    | 'loyalty_referrals'
    | 'proposals'
    | 'proposal_versions'
    | 'proposal_lines',
): Promise<number> {
  const row = await t.database.db
    .selectFrom(table)
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow();
  return Number(row.n);
}
