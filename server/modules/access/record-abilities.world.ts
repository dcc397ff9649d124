import type { LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, expect } from 'vitest';
import { createMilestone, createProject, createTask } from '../../test/delivery-fixtures.js';
import { createTestApp, type Caller, type TestApp } from '../../test/harness.js';
import { startSmtpSink, type SmtpSink } from '../../test/smtp-sink.js';
import { buildWorld, type Viewer, type World } from '../../test/world.js';

/** The access world the tests of records' abilities act in; its fields are there from `beforeAll` on. */
export interface AbilityWorld {
  t: TestApp;
  w: World;
  /** Company A's project, with a task of the specialist's so they reach it. */
  projectA: { id: string };
}

/** Builds the world before the calling file's tests and closes it after them. */
export function useAbilityWorld(): AbilityWorld {
  const ctx = {} as AbilityWorld;
  let sink: SmtpSink;
  beforeAll(async () => {
    sink = await startSmtpSink();
    ctx.t = await createTestApp({ smtpUrl: sink.url, publicUrl: 'https://liaison.example' });
    ctx.w = await buildWorld(ctx.t);
    ctx.projectA = await createProject(ctx.t.admin, ctx.w.accountA.id);
    await createTask(ctx.t.admin, ctx.projectA.id, { assigneeId: ctx.w.as.specialist.user.id });
    // Someone at company A to remind of what waits for their approval.
    const portal = { accountId: ctx.w.accountA.id, firstName: 'Pavel', email: 'pavel@alpha.example', portalAccess: true };
    expect((await ctx.t.admin.post('/api/v1/contacts', portal)).statusCode).toBe(201);
  });
  afterAll(async () => {
    await ctx.t.close();
    await sink.close();
  });
  return ctx;
}

export type Can = Record<string, boolean>;

/** A record made for one case: its id, where it is read, and anything its actions need. */
export interface Target {
  id: string;
  url: string;
  extra?: Record<string, string>;
}

export interface Resource {
  name: string;
  /** A record of company A (or, for accounts, like company A), in a state that allows `action`. */
  fresh: (action: string) => Promise<Target>;
  /** Its `can` as the viewer reads it; undefined when the viewer may not see it. */
  read?: (viewer: Caller, target: Target) => Promise<Can | undefined>;
  /** Its `can` as a page of a list shows it to the viewer; undefined when the list refuses them or leaves it out. */
  listed: (viewer: Caller, target: Target) => Promise<Can | undefined>;
  actions: Record<string, (viewer: Caller, target: Target) => Promise<LightMyRequestResponse>>;
  /** The actions each viewer may take on such a record. */
  allowed: Partial<Record<Viewer, string[]>>;
}

/** The single read: GET the record's URL. */
export const readByUrl = async (viewer: Caller, target: Target): Promise<Can | undefined> => {
  const res = await viewer.get(target.url);
  if (res.statusCode === 404) return undefined;
  expect(res.statusCode, res.body).toBe(200);
  return res.json<{ can: Can }>().can;
};

export const ALL = (r: Resource) => Object.keys(r.actions);

export const freshProject = async (ctx: AbilityWorld, submitted = false) => {
  const project = await createProject(ctx.t.admin, ctx.w.accountA.id);
  await createMilestone(ctx.t.admin, project.id, 'Discovery', '2026-04-01');
  await createTask(ctx.t.admin, project.id, { assigneeId: ctx.w.as.specialist.user.id });
  if (submitted) expect((await ctx.t.admin.post(`/api/v1/projects/${project.id}/plan/submit`)).statusCode).toBe(200);
  return project;
};
