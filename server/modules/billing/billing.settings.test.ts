import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { formatDocumentNumber } from '../../db/sequences.js';
import { issuedInvoice } from '../../test/billing-fixtures.js';
import { expectProblem } from '../../test/fixtures.js';
import { createTestApp, type TestApp } from '../../test/harness.js';
import { DEFAULT_FOLLOW_UP_LEVELS } from './billing.defaults.js';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

describe('billing settings', () => {
  it('start from defaults in code', async () => {
    const res = await t.admin.get('/api/v1/settings/billing');
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ timeZone: 'UTC', followUpTime: '09:00', invoiceNumberFormat: '{YYYY}-{NNNNNN}' });
    expect(res.json().levels.map((l: { days: number }) => l.days)).toEqual([-3, 1, 7, 14, 30]);
  });

  it('an admin changes the number format; the next invoice uses it; the change is audited', async () => {
    const res = await t.admin.patch('/api/v1/settings/billing', { invoiceNumberFormat: 'INV-{YY}/{NNNN}' });
    expect(res.statusCode, res.body).toBe(200);
    const manager = await t.signIn('account_manager');
    const account = await t.createAccount(manager, { name: 'Zeta' });
    expect((await issuedInvoice(manager, account.id)).number).toBe('INV-26/0001');
    const audit = (await t.admin.get('/api/v1/audit-log?recordId=billing')).json().items;
    expect(audit[0].changes.invoiceNumberFormat).toEqual({ before: '{YYYY}-{NNNNNN}', after: 'INV-{YY}/{NNNN}' });
  });

  it('refuses unknown time zones, formats without a counter or year, and two levels on one day', async () => {
    expectProblem(await t.admin.patch('/api/v1/settings/billing', { timeZone: 'Mars/Olympus' }), 400, 'timeZone');
    expectProblem(await t.admin.patch('/api/v1/settings/billing', { invoiceNumberFormat: 'INV-{NNNN}' }), 400, 'invoiceNumberFormat');
    expectProblem(await t.admin.patch('/api/v1/settings/billing', { followUpTime: '25:00' }), 400, 'followUpTime');
    const twice = [DEFAULT_FOLLOW_UP_LEVELS[1], DEFAULT_FOLLOW_UP_LEVELS[1]];
    expectProblem(await t.admin.patch('/api/v1/settings/billing', { levels: twice }), 400, 'levels');
  });

  it('only admins change them; specialists and clients do not read them', async () => {
    const finance = await t.signIn('finance');
    expect((await finance.get('/api/v1/settings/billing')).statusCode).toBe(200);
    expectProblem(await finance.patch('/api/v1/settings/billing', { followUpTime: '10:00' }), 403);
    expectProblem(await (await t.signIn('specialist')).get('/api/v1/settings/billing'), 403);
  });

  it('formats numbers: year tokens and a counter padded, never cut', () => {
    expect(formatDocumentNumber('{YYYY}-{NNNNNN}', '2026', 123)).toBe('2026-000123');
    expect(formatDocumentNumber('{YY}{NN}', '2026', 12345)).toBe('2612345');
  });
});
