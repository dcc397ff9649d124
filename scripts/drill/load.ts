import { setTimeout as sleep } from 'node:timers/promises';

/** One request as the load saw it: which phase it started in, how long it took, how it ended. */
export interface Sample {
  phase: string;
  op: string;
  ms: number;
  /** null when it succeeded; otherwise the kind of failure, e.g. `http 502` or `network ECONNRESET`. */
  error: string | null;
}

/** Writes the instances acknowledged (2xx with an id): each must be in the database afterwards. */
export interface Acknowledged {
  accounts: string[];
  interactions: string[];
  /** Per Idempotency-Key, the payment ids answered (a retry of the key must answer the same one). */
  payments: Map<string, Set<string>>;
  /** Keys sent twice (one after the other, or racing). */
  retriedKeys: number;
}

export interface Credentials {
  email: string;
  password: string;
}

/** What the load needs to exist first: an account to log interactions on and an issued invoice to pay. */
export interface Fixture {
  accountId: string;
  invoiceId: string;
  paidOn: string;
}

type Answer = { status: number; body: unknown; headers: Headers };

/** Requests through the balancer as one client address, with its own session cookie. */
export class Client {
  cookie = '';

  constructor(
    readonly base: string,
    readonly address: string,
    private readonly record?: (sample: Omit<Sample, 'phase'>) => void,
  ) {}

  async request(op: string, method: string, url: string, body?: unknown, headers: Record<string, string> = {}): Promise<Answer | null> {
    const started = performance.now();
    try {
      const res = await fetch(`${this.base}${url}`, {
        method,
        headers: {
          'x-forwarded-for': this.address,
          ...(this.cookie ? { cookie: this.cookie } : {}),
          ...(body === undefined ? {} : { 'content-type': 'application/json' }),
          ...headers,
        },
        body: body === undefined ? undefined : JSON.stringify(body),
        signal: AbortSignal.timeout(30_000),
      });
      const text = await res.text();
      const answer = {
        status: res.status,
        body: text && res.headers.get('content-type')?.includes('json') ? (JSON.parse(text) as unknown) : text,
        headers: res.headers,
      };
      this.record?.({ op, ms: performance.now() - started, error: res.ok ? null : `http ${res.status}` });
      return answer;
    } catch (err) {
      const cause = (err as { cause?: { code?: string } }).cause?.code ?? (err as Error).name;
      this.record?.({ op, ms: performance.now() - started, error: `network ${cause}` });
      return null;
    }
  }

  /** Signs in; the new session is used from then on. */
  async signIn(credentials: Credentials): Promise<boolean> {
    const res = await this.request('sign-in', 'POST', '/api/v1/auth/login', credentials);
    const cookie = res?.status === 200 ? res.headers.get('set-cookie')?.split(';')[0] : undefined;
    if (cookie) this.cookie = cookie;
    return Boolean(cookie);
  }
}

const idOf = (answer: Answer | null, status: number): string | null =>
  answer?.status === status ? ((answer.body as { id?: string }).id ?? null) : null;

/** Makes what the load writes against, through the balancer. */
export async function prepareFixture(base: string, credentials: Credentials): Promise<Fixture> {
  const client = new Client(base, '198.51.100.1');
  if (!(await client.signIn(credentials))) throw new Error('the admin cannot sign in');
  const accountId = idOf(await client.request('setup', 'POST', '/api/v1/accounts', { name: 'Drill payments' }), 201);
  if (!accountId) throw new Error('cannot create the drill account');
  // Large enough for every one-cent payment the drill records.
  const invoice = await client.request('setup', 'POST', '/api/v1/invoices', {
    accountId,
    lines: [{ description: 'Drill retainer', quantity: 1000, unitPriceMinor: 1_000_000_000 }],
  });
  const invoiceId = idOf(invoice, 201);
  if (!invoiceId) throw new Error(`cannot create the drill invoice: ${JSON.stringify(invoice?.body)}`);
  const issued = await client.request('setup', 'POST', `/api/v1/invoices/${invoiceId}/issue`, {});
  const paidOn = (issued?.body as { issueDate?: string } | undefined)?.issueDate;
  if (issued?.status !== 200 || !paidOn) throw new Error(`cannot issue the drill invoice: ${JSON.stringify(issued?.body)}`);
  return { accountId, invoiceId, paidOn };
}

export interface LoadOptions {
  base: string;
  users: number;
  credentials: Credentials;
  /** The phase a request counts in, read as it starts. */
  phase: () => string;
  /** Pause between a user's requests, so the load is steady rather than flat out. */
  thinkMs: number;
}

/** A few virtual users, each looping over a mix of reads, writes, payments (with retried keys) and sign-ins. */
export class Load {
  readonly samples: Sample[] = [];
  readonly acknowledged: Acknowledged = { accounts: [], interactions: [], payments: new Map(), retriedKeys: 0 };
  private running = false;
  private users: Promise<void>[] = [];
  private fixture: Fixture | null = null;

  constructor(private readonly opts: LoadOptions) {}

  async start(fixture: Fixture): Promise<void> {
    this.fixture = fixture;
    this.running = true;
    const clients = await Promise.all(
      Array.from({ length: this.opts.users }, async (_, n) => {
        const client = new Client(this.opts.base, `198.51.100.${10 + n}`, (s) => this.samples.push({ ...s, phase: this.opts.phase() }));
        if (!(await client.signIn(this.opts.credentials))) throw new Error(`virtual user ${n} cannot sign in`);
        return client;
      }),
    );
    this.users = clients.map((client, n) => this.user(client, n));
  }

  async stop(): Promise<void> {
    this.running = false;
    await Promise.all(this.users);
  }

  private async user(client: Client, n: number): Promise<void> {
    const fixture = this.fixture!;
    for (let i = 0; this.running; i++) {
      const roll = Math.random();
      if (roll < 0.45) {
        const known = this.acknowledged.accounts.at(-1 - Math.floor(Math.random() * 20));
        const reads = ['/api/v1/accounts?limit=20', '/api/v1/interactions?limit=20', '/api/v1/payments?limit=20'];
        const url = known && Math.random() < 0.25 ? `/api/v1/accounts/${known}` : reads[i % reads.length];
        await client.request('read', 'GET', url);
      } else if (roll < 0.65) {
        const id = idOf(await client.request('create account', 'POST', '/api/v1/accounts', { name: `Drill ${n}-${i}` }), 201);
        if (id) this.acknowledged.accounts.push(id);
      } else if (roll < 0.8) {
        const body = { accountId: fixture.accountId, type: 'call', occurredAt: new Date().toISOString(), summary: `Drill call ${n}-${i}` };
        const id = idOf(await client.request('log interaction', 'POST', '/api/v1/interactions', body), 201);
        if (id) this.acknowledged.interactions.push(id);
      } else if (roll < 0.96) {
        await this.pay(client, `drill-${n}-${i}`, Math.random() < 0.4);
      } else {
        await client.signIn(this.opts.credentials);
      }
      await sleep(this.opts.thinkMs);
    }
  }

  /** A payment, and with `retry` the same key again — half of the time racing the first. */
  private async pay(client: Client, key: string, retry: boolean): Promise<void> {
    const fixture = this.fixture!;
    const body = { invoiceId: fixture.invoiceId, amountMinor: 1, paidOn: fixture.paidOn, reference: key };
    if (retry) this.acknowledged.retriedKeys += 1;
    const send = (op: string) => client.request(op, 'POST', '/api/v1/payments', body, { 'idempotency-key': key });
    const answers = !retry
      ? [await send('payment')]
      : Math.random() < 0.5
        ? await Promise.all([send('payment'), send('payment retry')])
        : [await send('payment'), await send('payment retry')];
    for (const answer of answers) {
      const id = idOf(answer, 201);
      if (!id) continue;
      const ids = this.acknowledged.payments.get(key) ?? new Set<string>();
      ids.add(id);
      this.acknowledged.payments.set(key, ids);
    }
  }
}
