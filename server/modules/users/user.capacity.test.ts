import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectNoWrite, expectProblem } from '../../test/fixtures.js';
import { createTestApp, PASSWORD, type TestApp } from '../../test/harness.js';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

let seq = 0;
const specialist = (extra: Record<string, unknown> = {}) => ({
  email: `capacity.${++seq}@example.test`,
  name: `Capacity Person ${seq}`,
  role: 'specialist',
  password: PASSWORD,
  ...extra,
});

describe("a specialist's weekly capacity", () => {
  it('is set when the user is created, and 40 hours when not given', async () => {
    const part = await t.admin.post('/api/v1/users', specialist({ capacityHoursPerWeek: 24 }));
    expect(part.statusCode, part.body).toBe(201);
    expect(part.json().capacityHoursPerWeek).toBe(24);
    expect((await t.admin.post('/api/v1/users', specialist())).json().capacityHoursPerWeek).toBe(40);
  });

  it('is refused on create when it is not whole hours from 0 to 80, with the reason on the field and nothing written', async () => {
    for (const bad of [-1, 81, 7.5, '20']) {
      const res = await expectNoWrite(t, () => t.admin.post('/api/v1/users', specialist({ capacityHoursPerWeek: bad })));
      const body = expectProblem(res, 400, 'capacityHoursPerWeek');
      const error = body.errors.find((e: { field: string }) => e.field === 'capacityHoursPerWeek');
      expect(error.code, String(bad)).toBe('user.capacity');
    }
  });

  it('changes against the version read; a stale version answers 412 and changes nothing', async () => {
    const user = (await t.admin.post('/api/v1/users', specialist())).json();
    const changed = await t.admin.patch(`/api/v1/users/${user.id}`, { capacityHoursPerWeek: 32 }, { 'if-match': `"${user.version}"` });
    expect(changed.statusCode, changed.body).toBe(200);
    expect(changed.json()).toMatchObject({ capacityHoursPerWeek: 32, version: user.version + 1 });
    const stale = await t.admin.patch(`/api/v1/users/${user.id}`, { capacityHoursPerWeek: 16 }, { 'if-match': `"${user.version}"` });
    expectProblem(stale, 412);
    expect((await t.admin.get(`/api/v1/users/${user.id}`)).json().capacityHoursPerWeek).toBe(32);
  });

  it('is changed by admins only', async () => {
    const user = (await t.admin.post('/api/v1/users', specialist())).json();
    const manager = await t.signIn('account_manager');
    expectProblem(await manager.patch(`/api/v1/users/${user.id}`, { capacityHoursPerWeek: 10 }), 403);
    expect((await t.admin.get(`/api/v1/users/${user.id}`)).json().capacityHoursPerWeek).toBe(40);
  });
});
