import { expect } from 'vitest';
import type { Today } from '../../common/schemas/today.js';
import { Caller, type TestApp } from './harness.js';
import { VIEWERS, type World } from './world.js';

/** Moves the clock, signing everyone in the world in again (sessions last a week of it). */
export async function moveClockTo(t: TestApp, w: World, iso: string): Promise<void> {
  t.clock.set(iso);
  for (const v of VIEWERS) {
    const c = w.as[v];
    const res = await t.login(c.user.email);
    w.as[v] = new Caller(t.app, c.user, String(res.headers['set-cookie']).split(';')[0]);
  }
  t.admin = w.as.admin;
}

/** The caller's Today, which must answer 200. */
export async function todayOf(who: Caller): Promise<Today> {
  const res = await who.get('/api/v1/today');
  expect(res.statusCode, res.body).toBe(200);
  return res.json();
}

/** Every item of a Today, in its groups' order. */
export const agendaItems = (today: Today) => today.groups.flatMap((g) => g.items);

/** The caller's Today items of one kind, in order. */
export const agendaOfKind = async (who: Caller, kind: string) => agendaItems(await todayOf(who)).filter((i) => i.kind === kind);
