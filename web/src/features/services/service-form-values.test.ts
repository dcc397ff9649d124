import { describe, expect, it } from 'vitest';
import type { Service } from '@common/schemas/service';
import { ServiceCreateSchema } from '@common/schemas/service';
import { missingTexts, serviceToValues, valuesToService, type ServiceFormValues } from './service-form-values';

const service: Service = {
  id: 's1',
  version: 3,
  createdAt: '2026-01-01T00:00:00Z',
  updatedAt: '2026-01-01T00:00:00Z',
  name: { en: 'SEO audit', ru: 'SEO-аудит' },
  description: { en: null, ru: null },
  workKind: 'seo',
  unit: 'project',
  active: true,
  prices: [
    { currency: 'EUR', amountMinor: 150_050 },
    { currency: 'JPY', amountMinor: 90_000 },
  ],
  template: {
    milestones: [{ key: 'crawl', title: { en: 'Crawl', ru: null }, offsetDays: 7 }],
    tasks: [{ title: { en: 'Crawl the site', ru: null }, role: 'seo', hours: 6.5, milestoneKey: 'crawl' }],
  },
  can: { update: true, deactivate: true, reactivate: false },
};

describe('the service editor’s values', () => {
  it('round-trip a service: prices in major units of each currency, template in order', () => {
    const values = serviceToValues(service, 'EUR');
    expect(values.prices).toEqual([
      { currency: 'EUR', amount: '1500.50' },
      { currency: 'JPY', amount: '90000' },
    ]);
    const { payload, errors } = valuesToService(values, 'en-GB');
    expect(errors).toEqual({});
    expect(ServiceCreateSchema.parse(payload)).toMatchObject({
      prices: service.prices,
      template: { milestones: [{ key: 'crawl', offsetDays: 7 }], tasks: [{ role: 'seo', hours: 6.5, milestoneKey: 'crawl' }] },
    });
  });

  it('read amounts as the locale writes them, and report one that is not an amount on its field', () => {
    const values: ServiceFormValues = {
      ...serviceToValues(undefined, 'RUB'),
      prices: [
        { currency: 'RUB', amount: '1 200,50' },
        { currency: 'EUR', amount: '12.345' },
      ],
    };
    const { payload, errors } = valuesToService(values, 'ru-RU');
    expect(payload.prices[0]).toEqual({ currency: 'RUB', amountMinor: 120_050 });
    expect(Object.keys(errors ?? {})).toEqual(['prices.1.amount']);
  });

  it('keep a negative amount negative, so the schema refuses it', () => {
    const values = { ...serviceToValues(service, 'EUR'), prices: [{ currency: 'EUR', amount: '-5' }] };
    const parsed = ServiceCreateSchema.safeParse(valuesToService(values, 'en-GB').payload);
    expect(parsed.success).toBe(false);
  });

  it('start a new service with one price in the agency’s currency', () => {
    expect(serviceToValues(undefined, 'RUB').prices).toEqual([{ currency: 'RUB', amount: '' }]);
  });

  it('find names and titles missing in the agency’s language', () => {
    const values = serviceToValues(service, 'EUR');
    expect(Object.keys(missingTexts(values, 'en'))).toEqual([]);
    expect(Object.keys(missingTexts(values, 'ru'))).toEqual(['milestones.0.title.ru', 'tasks.0.title.ru']);
  });
});
