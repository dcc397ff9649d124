import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { KickoffPlan } from '../../../common/schemas/kickoff.js';
import type { Milestone } from '../../../common/schemas/plan.js';
import type { Project } from '../../../common/schemas/project.js';
import type { Service } from '../../../common/schemas/service.js';
import type { Task } from '../../../common/schemas/task.js';
import type { User } from '../../../common/schemas/user.js';
import { AppError } from '../../lib/errors.js';
import { createService } from '../../test/catalog-fixtures.js';
import { createProject, createTask } from '../../test/delivery-fixtures.js';
import { auditEntries } from '../../test/fixtures.js';
import { PASSWORD, createTestApp, type Caller, type TestApp } from '../../test/harness.js';
import { buildWorld, type Viewer, type World } from '../../test/world.js';
import type { Actor } from '../access/index.js';

let t: TestApp;
let w: World;
let audit: Service;
let design: Service;
const people: Record<string, User> = {};

const actorOf = (c: Caller): Actor => ({ id: c.user.id, role: c.user.role, accountId: c.user.accountId, language: c.user.language });

async function addSpecialist(name: string, specialties: string[]): Promise<User> {
  const res = await t.admin.post('/api/v1/users', {
    email: `${name.toLowerCase().replace(/\s/g, '.')}@agency.test`,
    name,
    role: 'specialist',
    password: PASSWORD,
    specialties,
  });
  expect(res.statusCode, res.body).toBe(201);
  return res.json();
}

beforeAll(async () => {
  t = await createTestApp();
  w = await buildWorld(t);
  people.al = await addSpecialist('Al Seo', ['seo']);
  people.bea = await addSpecialist('Bea Seo', ['analytics', 'seo']);
  people.dee = await addSpecialist('Dee Copy', ['copywriter']);
  people.cy = await addSpecialist('Cy Draw', ['designer']);
  const gone = await addSpecialist('Abe Gone', ['seo', 'designer']);
  expect((await t.admin.patch(`/api/v1/users/${gone.id}`, { active: false })).statusCode).toBe(200);
  // Al already has an open task elsewhere, Bea none: the first SEO task is Bea's, the second (a tie) Al's by name.
  const elsewhere = await createProject(t.admin, w.accountB.id);
  await createTask(t.admin, elsewhere.id, { assigneeId: people.al.id, role: 'seo' });
  await createTask(t.admin, elsewhere.id, { assigneeId: people.cy.id, role: 'designer', status: 'done' });

  audit = await createService(t.admin, {
    name: { en: 'SEO audit', ru: 'SEO-аудит' },
    workKind: 'seo',
    unit: 'project',
    template: {
      milestones: [
        { key: 'audit', title: { en: 'Audit' }, offsetDays: 7 },
        { key: 'report', title: { en: 'Report' }, offsetDays: 14 },
      ],
      tasks: [
        { title: { en: 'Crawl the site' }, role: 'seo', hours: 6, milestoneKey: 'audit' },
        { title: { en: 'Map keywords' }, role: 'seo', hours: 4, milestoneKey: 'audit' },
        { title: { en: 'Write the report' }, role: 'copywriter', hours: 8, milestoneKey: 'report' },
      ],
    },
  });
  design = await createService(t.admin, {
    name: { en: 'Design hours', ru: 'Часы дизайна' },
    workKind: 'design',
    unit: 'hour',
    prices: [{ currency: 'USD', amountMinor: 9_000 }],
    template: {
      milestones: [
        { key: 'report', title: { en: 'Report' }, offsetDays: 10 },
        { key: 'mockups', title: { en: 'Mockups' }, offsetDays: 20 },
      ],
      tasks: [
        { title: { en: 'Draw the mockups' }, role: 'designer', hours: 2, milestoneKey: 'mockups' },
        { title: { en: 'Test with users' }, role: 'usability', hours: 1.5, milestoneKey: null },
      ],
    },
  });
});
afterAll(() => t.close());

const planFor = (extra: Partial<KickoffPlan> = {}): KickoffPlan => ({
  accountId: w.accountA.id,
  name: 'Relaunch',
  startDate: '2027-03-01',
  currency: 'EUR',
  budgetMinor: 420_000,
  services: [
    { serviceId: audit.id, quantity: 1 },
    { serviceId: design.id, quantity: 3 },
  ],
  ...extra,
});

const start = (by: Caller, plan: KickoffPlan) => t.app.services.kickoff.start(actorOf(by), plan);

/** The AppError a kickoff is refused with. */
async function refusal(by: Caller, plan: KickoffPlan): Promise<AppError> {
  const err = await start(by, plan).then(
    () => null,
    (e: unknown) => e,
  );
  expect(err).toBeInstanceOf(AppError);
  return err as AppError;
}

/** Rows of every table a kickoff writes. */
async function counts() {
  const tables = ['projects', 'milestones', 'tasks', 'project_members', 'audit_log', 'timeline_events'] as const;
  const out: Record<string, number> = {};
  for (const table of tables) {
    const row = await t.database.db
      .selectFrom(table)
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow();
    out[table] = Number(row.n);
  }
  return out;
}

describe('starting a project from catalog services', () => {
  it('plans the project from the templates: stage brief, dated milestones, tasks by role to the least-loaded specialist', async () => {
    const result = await start(w.as.owner, planFor({ dealId: 'deal-1' }));
    expect(result).toMatchObject({ milestones: 4, tasks: 5, unassignedRoles: ['usability'] });

    const project: Project = (await w.as.owner.get(`/api/v1/projects/${result.projectId}`)).json();
    expect(project).toMatchObject({
      accountId: w.accountA.id,
      name: 'Relaunch',
      stage: 'brief',
      kind: 'other',
      startDate: '2027-03-01',
      dueDate: '2027-03-21',
      budgetMinor: 420_000,
      currency: 'EUR',
    });
    // Both services have a "Report": each is named for its service; the others keep their titles.
    const milestones: Milestone[] = (await w.as.owner.get(`/api/v1/milestones?projectId=${project.id}`)).json().items;
    expect(milestones.map((m) => [m.title, m.dueDate, m.status])).toEqual([
      ['Audit', '2027-03-08', 'planned'],
      ['Design hours — Report', '2027-03-11', 'planned'],
      ['SEO audit — Report', '2027-03-15', 'planned'],
      ['Mockups', '2027-03-21', 'planned'],
    ]);
    const milestoneId = (title: string) => milestones.find((m) => m.title === title)!.id;

    const tasks: Task[] = (await w.as.owner.get(`/api/v1/tasks?projectId=${project.id}&limit=50`)).json().items;
    const byTitle = new Map(tasks.map((x) => [x.title, x]));
    const expected = [
      ['Crawl the site', 'seo', people.bea.id, 6, 'Audit', '2027-03-08'],
      ['Map keywords', 'seo', people.al.id, 4, 'Audit', '2027-03-08'],
      ['Write the report', 'copywriter', people.dee.id, 8, 'SEO audit — Report', '2027-03-15'],
      // an hourly service: three hours sold, three times the template's hours
      ['Draw the mockups', 'designer', people.cy.id, 6, 'Mockups', '2027-03-21'],
      ['Test with users', 'usability', null, 4.5, null, null],
    ] as const;
    expect(tasks).toHaveLength(expected.length);
    for (const [title, role, assigneeId, hours, milestone, due] of expected) {
      expect(byTitle.get(title), title).toMatchObject({
        role,
        assigneeId,
        estimateHours: hours,
        milestoneId: milestone && milestoneId(milestone),
        dueDate: due,
        status: 'todo',
      });
    }
    expect(project.team.map((m) => [m.userId, m.role]).sort()).toEqual(
      [
        [people.al.id, 'seo'],
        [people.bea.id, 'seo'],
        [people.cy.id, 'designer'],
        [people.dee.id, 'copywriter'],
      ].sort(),
    );

    const timeline = (await w.as.owner.get(`/api/v1/accounts/${w.accountA.id}/timeline?limit=50`)).json().items;
    const event = timeline.find((e: { kind: string }) => e.kind === 'project_created');
    expect(event.data).toEqual({
      projectId: project.id,
      name: 'Relaunch',
      origin: { services: ['SEO audit', 'Design hours'], dealId: 'deal-1' },
    });
    const entries = await auditEntries(t, `recordId=${project.id}`);
    expect(entries.map((e) => e.action).sort()).toEqual(['create', 'update']);
    expect(entries.find((e) => e.action === 'update')!.changes).toMatchObject({
      tasks: { after: 5 },
      milestones: { after: 4 },
      unassignedRoles: { after: ['usability'] },
      dealId: { after: 'deal-1' },
    });
  });

  it('keeps titles of a single service as they are, and repeats nothing for a project-priced quantity', async () => {
    const result = await start(w.as.owner, planFor({ services: [{ serviceId: audit.id, quantity: 2 }] }));
    expect(result).toMatchObject({ milestones: 2, tasks: 3, unassignedRoles: [] });
    const project: Project = (await w.as.owner.get(`/api/v1/projects/${result.projectId}`)).json();
    expect(project).toMatchObject({ kind: 'seo', dueDate: '2027-03-15' });
    const milestones: Milestone[] = (await w.as.owner.get(`/api/v1/milestones?projectId=${project.id}`)).json().items;
    expect(milestones.map((m) => m.title)).toEqual(['Audit', 'Report']);
    const tasks: Task[] = (await w.as.owner.get(`/api/v1/tasks?projectId=${project.id}`)).json().items;
    expect(tasks.map((x) => x.estimateHours).sort()).toEqual([4, 6, 8]);
  });

  it('numbers the titles of a service sold twice', async () => {
    const result = await start(
      w.as.owner,
      planFor({
        services: [
          { serviceId: design.id, quantity: 1 },
          { serviceId: design.id, quantity: 2 },
        ],
      }),
    );
    const milestones: Milestone[] = (await w.as.owner.get(`/api/v1/milestones?projectId=${result.projectId}`)).json().items;
    expect(milestones.map((m) => m.title).sort()).toEqual([
      'Design hours — Mockups',
      'Design hours — Mockups (2)',
      'Design hours — Report',
      'Design hours — Report (2)',
    ]);
    expect(result).toMatchObject({ milestones: 4, tasks: 4, unassignedRoles: ['usability'] });
  });
});

describe('a kickoff refused', () => {
  it('names an unknown service, in the middle of the list, and writes nothing', async () => {
    const before = await counts();
    const err = await refusal(
      w.as.owner,
      planFor({
        services: [
          { serviceId: audit.id, quantity: 1 },
          { serviceId: 'no-such-service', quantity: 1 },
        ],
      }),
    );
    expect([err.status, err.code, err.errors?.[0].field]).toEqual([400, 'kickoff.service_unknown', 'services.1.serviceId']);
    expect(err.message).toContain('no-such-service');
    expect(await counts()).toEqual(before);
  });

  it('names an inactive service', async () => {
    const old = await createService(t.admin, { name: { en: 'Old retainer' } });
    expect((await t.admin.post(`/api/v1/services/${old.id}/deactivate`, undefined, { 'if-match': '"1"' })).statusCode).toBe(200);
    const before = await counts();
    const err = await refusal(w.as.owner, planFor({ services: [{ serviceId: old.id, quantity: 1 }] }));
    expect([err.status, err.code, err.message]).toEqual([400, 'kickoff.service_inactive', expect.stringContaining('Old retainer')]);
    expect(await counts()).toEqual(before);
  });

  it('refuses an empty list of services, a quantity of nothing and a bad date', async () => {
    const empty = await refusal(w.as.owner, planFor({ services: [] }));
    expect([empty.status, empty.code]).toEqual([400, 'kickoff.no_services']);
    const none = await refusal(w.as.owner, planFor({ services: [{ serviceId: audit.id, quantity: 0 }] }));
    expect([none.status, none.errors?.[0].field]).toEqual([400, 'services.0.quantity']);
    const date = await refusal(w.as.owner, planFor({ startDate: '2027-02-30' }));
    expect([date.status, date.errors?.[0].field]).toEqual([400, 'startDate']);
  });

  it('refuses a quantity that would make a task longer than a task may be', async () => {
    const err = await refusal(w.as.owner, planFor({ services: [{ serviceId: design.id, quantity: 6000 }] }));
    expect([err.status, err.code]).toEqual([400, 'kickoff.hours_too_many']);
  });

  it('undoes everything when a step fails after the project was written (work stopped on the account)', async () => {
    const stopped = await t.createAccount(t.admin, { ownerId: w.as.owner.user.id });
    expect((await t.admin.post(`/api/v1/accounts/${stopped.id}/stop-work`, { reason: 'Unpaid invoices' })).statusCode).toBe(200);
    const before = await counts();
    const err = await refusal(w.as.owner, planFor({ accountId: stopped.id }));
    expect(err.status).toBe(409);
    expect(await counts()).toEqual(before);
  });

  it('lets only who may create projects on the account start one', async () => {
    const allowed: Viewer[] = ['admin', 'owner'];
    // A backup manager reads the account but does not change it; who cannot read it learns nothing of it.
    const refused: Record<Exclude<Viewer, 'admin' | 'owner'>, number> = {
      backup: 403,
      nonOwner: 400,
      specialist: 400,
      finance: 403,
      clientA: 403,
      clientB: 400,
    };
    for (const viewer of allowed) {
      expect((await start(w.as[viewer], planFor())).tasks, viewer).toBe(5);
    }
    for (const [viewer, status] of Object.entries(refused)) {
      const before = await counts();
      const err = await refusal(w.as[viewer as Viewer], planFor());
      expect(err.status, viewer).toBe(status);
      expect(await counts(), viewer).toEqual(before);
    }
  });
});
