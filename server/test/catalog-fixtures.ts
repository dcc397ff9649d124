import { expect } from 'vitest';
import type { Service, ServiceCreate } from '../../common/schemas/service.js';
import type { Caller } from './harness.js';

let made = 0;

/** A service with two prices and a template of two milestones and three tasks, as an admin adds it. */
export const serviceBody = (extra: Partial<ServiceCreate> = {}): ServiceCreate => ({
  name: { en: `SEO audit ${++made}`, ru: `SEO-аудит ${made}` },
  description: { en: 'A technical and content audit of the site', ru: 'Технический и контентный аудит сайта' },
  workKind: 'seo',
  unit: 'project',
  prices: [
    { currency: 'EUR', amountMinor: 150_000 },
    { currency: 'RUB', amountMinor: 12_000_000 },
  ],
  template: {
    milestones: [
      { key: 'crawl', title: { en: 'Crawl and findings', ru: 'Обход и находки' }, offsetDays: 7 },
      { key: 'report', title: { en: 'Report', ru: 'Отчёт' }, offsetDays: 14 },
    ],
    tasks: [
      { title: { en: 'Crawl the site' }, role: 'seo', hours: 6, milestoneKey: 'crawl' },
      { title: { en: 'Check analytics' }, role: 'analytics', hours: 2.5, milestoneKey: 'crawl' },
      { title: { en: 'Write the report' }, role: 'copywriter', hours: 8, milestoneKey: null },
    ],
  },
  ...extra,
});

/** Adds a service through the API and returns it. */
export async function createService(by: Caller, extra: Partial<ServiceCreate> = {}): Promise<Service> {
  const res = await by.post('/api/v1/services', serviceBody(extra));
  expect(res.statusCode, res.body).toBe(201);
  return res.json();
}
