import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ServiceCreate } from '../../../common/schemas/service.js';
import { createService, serviceBody } from '../../test/catalog-fixtures.js';
import { expectNoWrite, expectProblem } from '../../test/fixtures.js';
import { createTestApp, type TestApp } from '../../test/harness.js';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

const body = serviceBody();
const template = body.template!;
const withTask = (task: object) => ({ ...template, tasks: [{ ...template.tasks![0], ...task }] });
const withMilestone = (milestone: object) => ({ ...template, milestones: [{ ...template.milestones![0], ...milestone }] });

/** [what, body change, the field the answer names] — each must be a 400 that writes nothing. */
const BAD: Array<[string, Partial<ServiceCreate> | Record<string, unknown>, string]> = [
  ['a negative price', { prices: [{ currency: 'EUR', amountMinor: -1 }] }, 'prices.0.amountMinor'],
  ['a fractional price', { prices: [{ currency: 'EUR', amountMinor: 10.5 }] }, 'prices.0.amountMinor'],
  ['a price as text', { prices: [{ currency: 'EUR', amountMinor: '100' }] }, 'prices.0.amountMinor'],
  ['an unknown currency', { prices: [{ currency: 'XYZ', amountMinor: 100 }] }, 'prices.0.currency'],
  [
    'two prices in one currency',
    {
      prices: [
        { currency: 'EUR', amountMinor: 100 },
        { currency: 'EUR', amountMinor: 200 },
      ],
    },
    'prices.1.currency',
  ],
  ['no price at all', { prices: [] }, 'prices'],
  ['an empty name', { name: { en: '   ', ru: 'Аудит' } }, 'name.en'],
  ['no name', { name: {} }, 'name.en'],
  ['an unknown work kind', { workKind: 'plumbing' }, 'workKind'],
  ['an unknown unit', { unit: 'week' }, 'unit'],
  ['a milestone before the start', { template: withMilestone({ offsetDays: -1 }) }, 'template.milestones.0.offsetDays'],
  ['a milestone offset in fractions', { template: withMilestone({ offsetDays: 1.5 }) }, 'template.milestones.0.offsetDays'],
  ['a milestone without a title', { template: withMilestone({ title: { ru: 'Только по-русски' } }) }, 'template.milestones.0.title.en'],
  [
    'two milestones with one key',
    { template: { ...template, milestones: [template.milestones![0], { ...template.milestones![1], key: 'crawl' }] } },
    'template.milestones.1.key',
  ],
  ['a task of no hours', { template: withTask({ hours: 0 }) }, 'template.tasks.0.hours'],
  ['a task of negative hours', { template: withTask({ hours: -2 }) }, 'template.tasks.0.hours'],
  ['a task of an unknown role', { template: withTask({ role: 'astrologer' }) }, 'template.tasks.0.role'],
  ['a task in a milestone not in the template', { template: withTask({ milestoneKey: 'nowhere' }) }, 'template.tasks.0.milestoneKey'],
  ['a task without a title', { template: withTask({ title: { en: '' } }) }, 'template.tasks.0.title.en'],
  ['a field the endpoint does not take', { active: false }, 'active'],
];

describe('bad input', () => {
  it.each(BAD)('creating a service with %s is a 400 naming the field, and writes nothing', async (_what, change, field) => {
    const res = await expectNoWrite(t, () => t.admin.post('/api/v1/services', { ...body, ...change }));
    const problem = expectProblem(res, 400, field);
    expect(problem.code).toBeTruthy();
  });

  // A change leaving out every language of the name keeps the name it had: that one is not bad input there.
  it.each(BAD.filter(([what]) => what !== 'no name'))(
    'changing a service to %s is a 400 naming the field, and changes nothing',
    async (_what, change, field) => {
      const service = await createService(t.admin);
      const res = await expectNoWrite(t, () => t.admin.patch(`/api/v1/services/${service.id}`, change));
      expectProblem(res, 400, field);
      expect((await t.admin.get(`/api/v1/services/${service.id}`)).json()).toEqual(service);
    },
  );

  it('names every field found wanting in one answer', async () => {
    const res = await t.admin.post('/api/v1/services', {
      ...body,
      name: { ru: 'Аудит' },
      template: {
        milestones: [{ key: 'a', title: { ru: 'Веха' }, offsetDays: 1 }],
        tasks: [{ title: { en: 'X' }, role: 'astrologer', hours: 1 }],
      },
    });
    const problem = expectProblem(res, 400);
    expect(problem.code).toBe('validation.failed');
    expect(problem.errors.map((e: { field: string }) => e.field).sort()).toEqual([
      'name.en',
      'template.milestones.0.title.en',
      'template.tasks.0.role',
    ]);
  });

  it('words the refusal in the reader’s language', async () => {
    const russianAdmin = await t.signIn('admin');
    expect((await russianAdmin.patch('/api/v1/auth/me', { language: 'ru' })).statusCode).toBe(200);
    const res = await russianAdmin.post('/api/v1/services', { ...body, name: { ru: 'Аудит' } });
    expect(expectProblem(res, 400, 'name.en').detail).toBe('Напишите название на английском языке');
  });
});

describe('an agency working in Russian', () => {
  let ru: TestApp;
  beforeAll(async () => {
    ru = await createTestApp({ defaultLanguage: 'ru' });
  });
  afterAll(() => ru.close());

  it('requires names and titles in Russian, English being optional', async () => {
    const onlyEnglish = await expectNoWrite(ru, () => ru.admin.post('/api/v1/services', { ...body, name: { en: 'Audit' } }));
    expectProblem(onlyEnglish, 400, 'name.ru');
    const russian = await ru.admin.post('/api/v1/services', {
      ...body,
      name: { ru: 'Аудит юзабилити' },
      template: { milestones: [{ key: 'm', title: { ru: 'Отчёт' }, offsetDays: 10 }], tasks: [] },
    });
    expect(russian.statusCode, russian.body).toBe(201);
    expect((await ru.admin.get('/api/v1/services/defaults')).json().language).toBe('ru');
  });
});
