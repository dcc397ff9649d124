import { describe, expect, it } from 'vitest';
import { toSettings, toValues } from './today-settings-values';

const settings = {
  contactCadenceDays: { prospect: 30, active: 14, paused: 60, churned: null },
  clientWaitDays: 5,
  proposalUndecidedDays: 3,
};

describe('the Today settings form', () => {
  it('shows “never” as an empty field and sends an empty field as never', () => {
    const values = toValues(settings);
    expect(values.contactCadenceDays).toEqual({ prospect: 30, active: 14, paused: 60, churned: '' });
    expect(toSettings({ ...values, contactCadenceDays: { ...values.contactCadenceDays, paused: '' } }).contactCadenceDays).toEqual({
      prospect: 30,
      active: 14,
      paused: null,
      churned: null,
    });
    expect(toSettings(values)).toEqual(settings);
  });
});
