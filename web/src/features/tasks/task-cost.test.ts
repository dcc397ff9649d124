import { describe, expect, it } from 'vitest';
import { taskCostMinor, taskRole } from './task-cost';

describe('task cost', () => {
  it('takes the chosen role, else the specialist’s first, else other', () => {
    expect(taskRole('seo', ['design'])).toBe('seo');
    expect(taskRole('', ['design', 'seo'])).toBe('design');
    expect(taskRole('', undefined)).toBe('other');
  });

  it('prices the estimate at the role’s hourly rate, rounded', () => {
    expect(taskCostMinor(2.5, 'seo', { seo: 4999 })).toBe(12498);
    expect(taskCostMinor(3, 'copy', { seo: 4999 })).toBe(0);
    expect(taskCostMinor(0, 'seo', { seo: 4999 })).toBe(0);
  });
});
