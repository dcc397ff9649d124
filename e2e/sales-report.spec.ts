/**
 * The sales report on the demo agency (a year of deals per manager): charts for the forecast,
 * win rate, cycle length and lost reasons, each with a table that shows the API's numbers,
 * the period and owner filters kept in the address, and no accessibility violation.
 * The demo lives on a server of its own (see demo-server.ts).
 */
import { test, expect } from '@playwright/test';
import type { PipelineReport } from '../common/schemas/deal-report';
import { expectAccessible } from './fixtures';
import { useDemoServer } from './demo-server';

test.describe.configure({ mode: 'serial', timeout: 180_000 });

const { demoUser } = useDemoServer('liaison-sales-');

const money = (minor: number, currency: string) => new Intl.NumberFormat('en-GB', { style: 'currency', currency }).format(minor / 100);

test('a manager reads the forecast, win rate, cycle and lost reasons of their deals as charts and tables', async ({ browser }) => {
  const page = await demoUser(browser, 'anna@demo.liaison.test');
  const report = (await (await page.request.get('/api/v1/reports/pipeline')).json()) as PipelineReport;
  expect(report.forecast.length).toBeGreaterThan(0);
  expect(report.winRate.won + report.winRate.lost).toBeGreaterThan(0);

  await page.goto('/deals');
  await page.getByRole('link', { name: 'Sales report' }).click();
  await expect(page.getByRole('heading', { name: 'Sales report', level: 1 })).toBeVisible();

  // A stacked chart and a table per currency; the table's total is the API's.
  for (const f of report.forecast) {
    const section = page.getByTestId(`forecast-${f.currency}`);
    await expect(section.locator('figure .recharts-surface').first()).toBeVisible();
    await expect(section.getByTestId('forecast-total-weighted')).toHaveText(money(f.total.weightedMinor, f.currency));
    await expect(section.getByTestId('forecast-row')).toHaveCount(f.months.length + (f.overdue.deals > 0 ? 1 : 0));
  }
  await expect(page.getByTestId('win-rate-value')).toHaveText(
    report.winRate.rate === null ? '—' : `${Math.round(report.winRate.rate * 100)}%`,
  );
  await expect(page.getByTestId('lost-reason-row')).toHaveCount(report.lostReasons.length);
  if (report.lostReasons[0]) await expect(page.getByTestId('lost-reason-row').first()).toContainText(report.lostReasons[0].name);
  await expectAccessible(page);

  // The period is kept in the address; a period without deals says so.
  await page.getByLabel('From month').fill('2019-01');
  await page.getByLabel('To month').fill('2019-03');
  await expect(page).toHaveURL(/from=2019-01/);
  await expect(page).toHaveURL(/to=2019-03/);
  // The demo's year of deals starts long after 2019, and none is overdue from then.
  const past = (await (await page.request.get('/api/v1/reports/pipeline?from=2019-01&to=2019-03')).json()) as PipelineReport;
  expect(past.forecast).toEqual([]);
  await expect(page.getByText('No deals in this period')).toBeVisible();
  await expectAccessible(page);
  await page.reload();
  await expect(page.getByLabel('From month')).toHaveValue('2019-01');
});
