import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectProblem } from '../../test/fixtures.js';
import { createTestApp, PASSWORD, type TestApp } from '../../test/harness.js';
import { buildWorld, type World } from '../../test/world.js';

let t: TestApp;
let w: World;
/** People created here, in name order: more than one page of a picker's search. */
const crowd: { id: string; name: string }[] = [];
beforeAll(async () => {
  t = await createTestApp();
  w = await buildWorld(t);
  for (let i = 0; i < 12; i++) {
    const name = `Crowd Member ${String(i).padStart(2, '0')}`;
    const res = await t.admin.post('/api/v1/users', {
      email: `crowd.${i}@example.test`,
      name,
      role: i % 2 ? 'specialist' : 'account_manager',
      password: PASSWORD,
    });
    expect(res.statusCode, res.body).toBe(201);
    crowd.push(res.json());
  }
});
afterAll(() => t.close());

type Listed = { items: { id: string; name: string; role: string; active: boolean }[]; nextCursor: string | null };
const list = async (query: string, who: keyof World['as'] = 'owner'): Promise<Listed> => {
  const res = await w.as[who].get(`/api/v1/users?${query}`);
  expect(res.statusCode, res.body).toBe(200);
  return res.json();
};

describe('searching people, as pickers do', () => {
  it('finds by part of the name among several roles, active only', async () => {
    await t.admin.patch(`/api/v1/users/${crowd[2].id}`, { active: false });
    const found = await list('q=member&role=account_manager,admin&active=true&limit=50');
    expect(found.items.map((u) => u.name)).toEqual([
      'Crowd Member 00',
      'Crowd Member 04',
      'Crowd Member 06',
      'Crowd Member 08',
      'Crowd Member 10',
    ]);
    expect(found.items.every((u) => u.active && ['account_manager', 'admin'].includes(u.role))).toBe(true);
  });

  it('pages the matches with a cursor', async () => {
    const first = await list('q=crowd&role=specialist&limit=4');
    expect(first.items).toHaveLength(4);
    expect(first.nextCursor).not.toBeNull();
    const second = await list(`q=crowd&role=specialist&limit=4&cursor=${encodeURIComponent(first.nextCursor!)}`);
    expect(second.items.map((u) => u.name)).toEqual(['Crowd Member 09', 'Crowd Member 11']);
  });

  it('refuses an unknown role with a 400 on the role that is wrong', async () => {
    expectProblem(await w.as.owner.get('/api/v1/users?role=admin,boss'), 400, 'role.1');
  });
});

describe('naming people by id', () => {
  it('answers exactly the users asked for, wherever they fall in the name order', async () => {
    const wanted = [crowd[11].id, crowd[0].id, w.as.finance.user.id];
    const found = await list(`ids=${wanted.join(',')}&limit=3`);
    expect(found.items.map((u) => u.id).sort()).toEqual([...wanted].sort());
    expect(found.nextCursor).toBeNull();
  });

  it('names deactivated users too, since records still refer to them', async () => {
    await t.admin.patch(`/api/v1/users/${crowd[3].id}`, { active: false });
    expect((await list(`ids=${crowd[3].id}`)).items).toMatchObject([{ id: crowd[3].id, active: false }]);
  });

  it('never names a user the caller may not see', async () => {
    const ids = [w.as.clientA.user.id, w.as.clientB.user.id, w.as.owner.user.id].join(',');
    expect((await list(`ids=${ids}`, 'specialist')).items.map((u) => u.id)).toEqual([w.as.owner.user.id]);
    expect((await list(`ids=${ids}`, 'owner')).items.map((u) => u.id).sort()).toEqual([w.as.clientA.user.id, w.as.owner.user.id].sort());
  });

  it('refuses more than 100 ids, or an empty one, with a 400', async () => {
    const many = Array.from({ length: 101 }, (_, i) => `id${i}`).join(',');
    expectProblem(await w.as.owner.get(`/api/v1/users?ids=${many}`), 400, 'ids');
    expectProblem(await w.as.owner.get('/api/v1/users?ids=a,,b'), 400, 'ids.1');
  });
});
