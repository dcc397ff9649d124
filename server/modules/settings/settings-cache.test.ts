import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TestApp } from '../../test/harness.js';
import { createTwoInstances, type TwoInstances } from '../../test/second-instance.js';
import { SETTINGS_CACHE_MS } from './index.js';

/**
 * The agency's time zone is read on most pages, so it is remembered for a few seconds. Changed
 * through this instance it applies to the very next request; through another instance on the
 * same database, within SETTINGS_CACHE_MS.
 */
let instances: TwoInstances;
let t: TestApp;
let second: FastifyInstance;

// Sunday evening in London: already Monday in Moscow.
beforeAll(async () => {
  instances = await createTwoInstances({ now: '2026-03-08T22:30:00.000Z' });
  ({ t, second } = instances);
});
afterAll(() => instances.close());

const todayOn = async (app: FastifyInstance) => {
  const res = await app.inject({ method: 'GET', url: '/api/v1/settings/calendar', headers: { cookie: t.admin.cookie } });
  expect(res.statusCode, res.body).toBe(200);
  return res.json().today as string;
};
const setZone = async (timeZone: string) => expect((await t.admin.patch('/api/v1/settings/billing', { timeZone })).statusCode).toBe(200);

describe('the agency’s time zone, remembered for a few seconds', () => {
  it('changes at once on the instance that changes it, however recently it was read', async () => {
    expect(await todayOn(t.app)).toBe('2026-03-08');
    await setZone('Europe/Moscow');
    expect(await todayOn(t.app)).toBe('2026-03-09');
    await setZone('UTC');
    expect(await todayOn(t.app)).toBe('2026-03-08');
  });

  it('changes on another instance within the cache delay', async () => {
    t.clock.advance(SETTINGS_CACHE_MS + 1);
    expect(await todayOn(second)).toBe('2026-03-08');
    await setZone('Europe/Moscow');
    // The other instance read it a moment ago and still goes by it…
    expect(await todayOn(second)).toBe('2026-03-08');
    // …but no longer than the cache delay.
    t.clock.advance(SETTINGS_CACHE_MS + 1);
    expect(await todayOn(second)).toBe('2026-03-09');
  });

  it('is read again, not remembered, while the clock goes back', async () => {
    await setZone('UTC');
    t.clock.advance(SETTINGS_CACHE_MS + 1);
    expect(await todayOn(second)).toBe('2026-03-08');
    await setZone('Europe/Moscow');
    t.clock.advance(-60_000);
    expect(await todayOn(second)).toBe('2026-03-09');
  });
});
