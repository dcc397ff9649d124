import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Service } from '../../../common/schemas/service.js';
import { createService, serviceBody } from '../../test/catalog-fixtures.js';
import { auditEntries, expectNoWrite, expectProblem, fetchAllPages } from '../../test/fixtures.js';
import { createTestApp, type Caller, type TestApp } from '../../test/harness.js';

let t: TestApp;
let manager: Caller;
beforeAll(async () => {
  t = await createTestApp();
  manager = await t.signIn('account_manager');
});
afterAll(() => t.close());

const ifMatch = (version: number) => ({ 'if-match': `"${version}"` });

describe('a service', () => {
  it('is created with its prices and template in order, and read back the same', async () => {
    const body = serviceBody();
    const res = await t.admin.post('/api/v1/services', body);
    expect(res.statusCode, res.body).toBe(201);
    const created: Service = res.json();
    expect(created).toMatchObject({
      version: 1,
      name: body.name,
      description: body.description,
      workKind: 'seo',
      unit: 'project',
      active: true,
      prices: body.prices,
      template: {
        milestones: body.template!.milestones,
        tasks: [
          { title: { en: 'Crawl the site', ru: null }, role: 'seo', hours: 6, milestoneKey: 'crawl' },
          { title: { en: 'Check analytics', ru: null }, role: 'analytics', hours: 2.5, milestoneKey: 'crawl' },
          { title: { en: 'Write the report', ru: null }, role: 'copywriter', hours: 8, milestoneKey: null },
        ],
      },
      can: { update: true, deactivate: true, reactivate: false },
    });
    const read = await manager.get(`/api/v1/services/${created.id}`);
    expect(read.headers.etag).toBe('"1"');
    expect(read.json()).toEqual({ ...created, can: { update: false, deactivate: false, reactivate: false } });
    const [entry] = await auditEntries(t, `recordId=${created.id}`);
    expect(entry).toMatchObject({ action: 'create', recordType: 'service', recordLabel: body.name.en });
  });

  it('changes: prices and the template are replaced as a whole, a language left out keeps its text', async () => {
    const service = await createService(t.admin);
    const res = await t.admin.patch(
      `/api/v1/services/${service.id}`,
      {
        name: { en: 'Technical SEO audit' },
        unit: 'piece',
        prices: [{ currency: 'USD', amountMinor: 99_900 }],
        template: { milestones: [{ key: 'all', title: { en: 'Everything' }, offsetDays: 0 }], tasks: [] },
      },
      ifMatch(1),
    );
    expect(res.statusCode, res.body).toBe(200);
    expect(res.headers.etag).toBe('"2"');
    expect(res.json()).toMatchObject({
      version: 2,
      name: { en: 'Technical SEO audit', ru: service.name.ru },
      description: service.description,
      unit: 'piece',
      prices: [{ currency: 'USD', amountMinor: 99_900 }],
      template: { milestones: [{ key: 'all', title: { en: 'Everything', ru: null }, offsetDays: 0 }], tasks: [] },
    });
    const changes = (await auditEntries(t, `recordId=${service.id}`)).find((e) => e.action === 'update')!.changes;
    expect(Object.keys(changes).sort()).toEqual(['name', 'prices', 'template', 'unit']);
  });

  it('refuses a change made on an old version with 412, and changes nothing', async () => {
    const service = await createService(t.admin);
    expect((await t.admin.patch(`/api/v1/services/${service.id}`, { unit: 'hour' }, ifMatch(1))).statusCode).toBe(200);
    const stale = await expectNoWrite(t, () =>
      t.admin.patch(`/api/v1/services/${service.id}`, { prices: [{ currency: 'GBP', amountMinor: 1 }] }, ifMatch(1)),
    );
    expectProblem(stale, 412);
    const now = (await t.admin.get(`/api/v1/services/${service.id}`)).json();
    expect(now).toMatchObject({ version: 2, unit: 'hour', prices: service.prices });
    const staleDeactivation = await t.admin.post(`/api/v1/services/${service.id}/deactivate`, undefined, ifMatch(1));
    expectProblem(staleDeactivation, 412);
    expect((await t.admin.get(`/api/v1/services/${service.id}`)).json().active).toBe(true);
  });

  it('is deactivated and reactivated, each once, with an audit entry', async () => {
    const service = await createService(t.admin);
    const off = await t.admin.post(`/api/v1/services/${service.id}/deactivate`, undefined, ifMatch(1));
    expect(off.statusCode, off.body).toBe(200);
    expect(off.json()).toMatchObject({ active: false, version: 2, can: { update: true, deactivate: false, reactivate: true } });
    expectProblem(await t.admin.post(`/api/v1/services/${service.id}/deactivate`), 409);
    const on = await t.admin.post(`/api/v1/services/${service.id}/reactivate`);
    expect(on.json()).toMatchObject({ active: true, version: 3 });
    expectProblem(await t.admin.post(`/api/v1/services/${service.id}/reactivate`), 409);
    const updates = (await auditEntries(t, `recordId=${service.id}`)).filter((e) => e.action === 'update');
    expect(updates.map((e) => e.changes.active)).toEqual(
      expect.arrayContaining([
        { before: true, after: false },
        { before: false, after: true },
      ]),
    );
  });

  it('is not found by an unknown id', async () => {
    expectProblem(await manager.get('/api/v1/services/no-such-service'), 404);
    expectProblem(await t.admin.patch('/api/v1/services/no-such-service', { unit: 'hour' }), 404);
    expectProblem(await t.admin.post('/api/v1/services/no-such-service/deactivate'), 404);
  });
});

describe('the list', () => {
  let copy: Service;
  let ads: Service;
  let retired: Service;
  beforeAll(async () => {
    copy = await createService(t.admin, {
      name: { en: 'Copywriting, per article', ru: 'Копирайтинг, за статью' },
      workKind: 'copywriting',
    });
    ads = await createService(t.admin, { name: { en: 'PPC management', ru: 'Ведение контекстной рекламы' }, workKind: 'context_ads' });
    retired = await createService(t.admin, { name: { en: 'Zzz retired offer' }, workKind: 'context_ads' });
    await t.admin.post(`/api/v1/services/${retired.id}/deactivate`);
  });

  const ids = async (query: string) =>
    ((await manager.get(`/api/v1/services?limit=200&${query}`)).json().items as Service[]).map((s) => s.id);

  it('filters by active, work kind and a name in either language', async () => {
    expect(await ids('workKind=context_ads')).toEqual([ads.id, retired.id]);
    expect(await ids('workKind=context_ads&active=true')).toEqual([ads.id]);
    expect(await ids('active=false')).toContain(retired.id);
    expect(await ids('active=false')).not.toContain(ads.id);
    expect(await ids('q=копирайт')).toEqual([copy.id]);
    expect(await ids('q=ppc')).toEqual([ads.id]);
  });

  it('pages by name without losing or repeating a service', async () => {
    const all = await ids('');
    const walked = await fetchAllPages(manager, '/api/v1/services?limit=2');
    expect(walked.map((s) => s.id)).toEqual(all);
    expect(all.length).toBeGreaterThan(4);
  });

  it('refuses a tampered cursor and unknown filters with 400', async () => {
    expectProblem(await manager.get('/api/v1/services?cursor=nonsense'), 400);
    expectProblem(await manager.get('/api/v1/services?active=maybe'), 400);
    expectProblem(await manager.get('/api/v1/services?workKind=plumbing'), 400);
  });
});

describe('catalog.servicesByIds, for proposals and projects', () => {
  it('answers the services asked for, in that order, with prices and templates', async () => {
    const a = await createService(t.admin);
    const b = await createService(t.admin, { template: { milestones: [], tasks: [] } });
    const entries = await t.app.services.catalog.servicesByIds([b.id, 'missing', a.id, b.id]);
    expect(entries.map((e) => e.id)).toEqual([b.id, a.id]);
    const { can: _can, ...withoutAbilities } = a;
    expect(entries[1]).toEqual(withoutAbilities);
    expect(entries[0].template).toEqual({ milestones: [], tasks: [] });
    expect(await t.app.services.catalog.servicesByIds([])).toEqual([]);
  });
});

describe('the catalog defaults', () => {
  it('tell an editor the agency’s language and currency and the roles in use', async () => {
    const res = await manager.get('/api/v1/services/defaults');
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ language: 'en', currency: 'EUR' });
    expect(res.json().specialistRoles).toContain('seo');
  });
});
