import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createProject } from '../../test/delivery-fixtures.js';
import { createInteraction, expectNoWrite, expectProblem } from '../../test/fixtures.js';
import { createTestApp, type TestApp } from '../../test/harness.js';
import { buildWorld, type World } from '../../test/world.js';

let t: TestApp;
let w: World;
beforeAll(async () => {
  t = await createTestApp();
  w = await buildWorld(t);
});
afterAll(() => t.close());

const log = (projectId?: string, dealId?: string) => ({
  accountId: w.accountA.id,
  type: 'meeting',
  occurredAt: '2026-03-01T10:00:00.000Z',
  summary: 'Status meeting',
  projectId,
  dealId,
});

describe('what an interaction may link to', () => {
  it('a project of the same account is accepted', async () => {
    const project = await createProject(w.as.owner, w.accountA.id);
    const res = await w.as.owner.post('/api/v1/interactions', log(project.id));
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json().projectId).toBe(project.id);
  });

  it('another manager’s project, or a random id, answers 400 on projectId and writes nothing', async () => {
    const foreign = await createProject(w.as.nonOwner, w.accountB.id);
    for (const projectId of [foreign.id, 'not-a-project']) {
      const res = await expectNoWrite(t, () => w.as.owner.post('/api/v1/interactions', log(projectId)));
      expectProblem(res, 400, 'projectId');
    }
  });

  it('on update too: moving an interaction onto a foreign project is refused', async () => {
    const foreign = await createProject(w.as.nonOwner, w.accountB.id);
    const i = await createInteraction(w.as.owner, w.accountA.id);
    expectProblem(await w.as.owner.patch(`/api/v1/interactions/${i.id}`, { projectId: foreign.id }), 400, 'projectId');
    expect((await w.as.owner.get(`/api/v1/interactions/${i.id}`)).json().projectId).toBeNull();
  });

  it('a deal id that matches no deal answers 400 on dealId', async () => {
    expectProblem(await expectNoWrite(t, () => w.as.owner.post('/api/v1/interactions', log(undefined, 'some-deal'))), 400, 'dealId');
  });
});
