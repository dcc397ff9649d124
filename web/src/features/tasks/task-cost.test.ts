import { describe, expect, it } from 'vitest';
import { taskCostMinor, taskRole } from './task-cost';

describe('task cost', () => {
  it('takes the chosen role, else the specialist’s first, else other', () => {
    expect(taskRole('seo', ['design'])).toBe('seo');
    expect(taskRole('', ['design', 'seo'])).toBe('design');
    expect(taskRole('', undefined)).toBe('other');
  });

  it('prices the estimate at the role’s hourly rate in the project’s currency, rounded', () => {
    const rates = { seo: { EUR: 4999, RUB: 450_000 }, other: { EUR: 5000 } };
    expect(taskCostMinor(2.5, 'seo', 'EUR', rates)).toBe(12498);
    expect(taskCostMinor(2, 'seo', 'RUB', rates)).toBe(900_000);
    expect(taskCostMinor(0, 'seo', 'EUR', rates)).toBe(0);
  });

  it('prices a role without any rate as “other”, and knows no cost without a rate in the currency', () => {
    const rates = { seo: { EUR: 4999 }, other: { EUR: 5000 } };
    expect(taskCostMinor(3, 'copywriter', 'EUR', rates)).toBe(15000);
    expect(taskCostMinor(3, 'seo', 'RUB', rates)).toBeNull();
    expect(taskCostMinor(3, 'copywriter', 'RUB', rates)).toBeNull();
    expect(taskCostMinor(3, 'seo', 'EUR', undefined)).toBeNull();
  });
});
