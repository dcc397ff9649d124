import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../../app.js';
import { createTestApp, PASSWORD, type TestApp } from '../../test/harness.js';
import { accountBackoffMs, LOGIN_LIMITS } from './login-limits.js';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

/** A sign-in attempt from a given client address. */
const loginFrom = (address: string, email: string, password: string) =>
  t.app.inject({ method: 'POST', url: '/api/v1/auth/login', remoteAddress: address, payload: { email, password } });

describe('sign-in limits that cannot lock the owner out', () => {
  it('an attacker hammering one address is stopped there, while the owner signs in from another', async () => {
    const owner = await t.signIn('finance');
    const attacker = '198.51.100.7';
    const statuses: number[] = [];
    for (let i = 0; i < 30; i++) statuses.push((await loginFrom(attacker, owner.user.email, `Wrong-Guess-${i}-xyz`)).statusCode);
    expect(statuses.slice(0, LOGIN_LIMITS.perAccountFromAddress)).toEqual(Array(LOGIN_LIMITS.perAccountFromAddress).fill(401));
    expect(new Set(statuses.slice(LOGIN_LIMITS.perAccountFromAddress))).toEqual(new Set([429]));

    const fromHome = await loginFrom('192.0.2.20', owner.user.email, PASSWORD);
    expect(fromHome.statusCode).toBe(200);
    expect(String(fromHome.headers['set-cookie'])).toMatch(/liaison_session=/);

    const stillLimited = await loginFrom(attacker, owner.user.email, PASSWORD);
    expect(stillLimited.statusCode).toBe(429);
    expect(stillLimited.headers['content-type']).toMatch(/application\/problem\+json/);
    const retryAfter = Number(stillLimited.headers['retry-after']);
    expect(retryAfter).toBeGreaterThan(0);
    expect(retryAfter).toBeLessThanOrEqual(15 * 60);

    t.clock.advance(retryAfter * 1000 + 1000);
    expect((await loginFrom(attacker, owner.user.email, PASSWORD)).statusCode).toBe(200);
  });

  it('the limit of one address covers that address only: another account there is not affected', async () => {
    const victim = await t.signIn('account_manager');
    const colleague = await t.signIn('account_manager');
    const office = '198.51.100.8';
    for (let i = 0; i < LOGIN_LIMITS.perAccountFromAddress; i++) await loginFrom(office, victim.user.email, 'Wrong-Guess-abc-1');
    expect((await loginFrom(office, victim.user.email, PASSWORD)).statusCode).toBe(429);
    expect((await loginFrom(office, colleague.user.email, PASSWORD)).statusCode).toBe(200);
  });

  it('the right password forgets the mistakes made from that address', async () => {
    const user = await t.signIn('specialist');
    const address = '198.51.100.9';
    for (let i = 0; i < LOGIN_LIMITS.perAccountFromAddress - 1; i++) await loginFrom(address, user.user.email, 'Wrong-Guess-abc-2');
    expect((await loginFrom(address, user.user.email, PASSWORD)).statusCode).toBe(200);
    for (let i = 0; i < LOGIN_LIMITS.perAccountFromAddress - 1; i++) {
      expect((await loginFrom(address, user.user.email, 'Wrong-Guess-abc-3')).statusCode).toBe(401);
    }
  });

  it('failures from many addresses slow the account down but never lock it', async () => {
    const user = await t.signIn('admin');
    const spread = LOGIN_LIMITS.accountSlowdownAfter + 5;
    for (let i = 0; i < spread; i++) {
      expect((await loginFrom(`203.0.113.${100 + i}`, user.user.email, 'Wrong-Guess-abc-4')).statusCode).toBe(401);
    }
    const started = Date.now();
    const res = await loginFrom('192.0.2.30', user.user.email, PASSWORD);
    expect(res.statusCode).toBe(200);
    expect(Date.now() - started).toBeGreaterThanOrEqual(accountBackoffMs(spread) - 5);
  });

  it('counts failures for unknown emails too, so the limits do not reveal who has an account', async () => {
    const address = '198.51.100.10';
    for (let i = 0; i < LOGIN_LIMITS.perAccountFromAddress; i++) {
      expect((await loginFrom(address, 'nobody-here@example.test', 'Wrong-Guess-abc-5')).statusCode).toBe(401);
    }
    expect((await loginFrom(address, 'nobody-here@example.test', 'Wrong-Guess-abc-5')).statusCode).toBe(429);
  });
});

describe('behind a load balancer (TRUST_PROXY)', () => {
  it('limits the client address from X-Forwarded-For, not the balancer’s', async () => {
    const owner = await t.signIn('finance');
    const behindProxy = await buildApp({
      db: t.database.db,
      dialect: t.database.dialect,
      clock: t.clock,
      logLevel: 'silent',
      webDist: null,
      trustProxy: true,
    });
    try {
      const via = (client: string, password: string) =>
        behindProxy.inject({
          method: 'POST',
          url: '/api/v1/auth/login',
          remoteAddress: '10.0.0.2',
          headers: { 'x-forwarded-for': client },
          payload: { email: owner.user.email, password },
        });
      for (let i = 0; i < LOGIN_LIMITS.perAccountFromAddress; i++)
        expect((await via('198.51.100.50', 'Wrong-Guess-abc-6')).statusCode).toBe(401);
      expect((await via('198.51.100.50', PASSWORD)).statusCode).toBe(429);
      expect((await via('192.0.2.50', PASSWORD)).statusCode).toBe(200);
    } finally {
      await behindProxy.close();
    }
  });
});

describe('the account backoff', () => {
  it('is nothing below the threshold, then grows in steps up to five seconds', () => {
    expect(accountBackoffMs(0)).toBe(0);
    expect(accountBackoffMs(LOGIN_LIMITS.accountSlowdownAfter - 1)).toBe(0);
    expect(accountBackoffMs(LOGIN_LIMITS.accountSlowdownAfter)).toBe(250);
    expect(accountBackoffMs(LOGIN_LIMITS.accountSlowdownAfter + 10)).toBe(500);
    expect(accountBackoffMs(LOGIN_LIMITS.accountSlowdownAfter + 20)).toBe(1000);
    expect(accountBackoffMs(10_000)).toBe(5000);
    for (let n = 1; n < 200; n++) expect(accountBackoffMs(n)).toBeGreaterThanOrEqual(accountBackoffMs(n - 1));
  });
});
