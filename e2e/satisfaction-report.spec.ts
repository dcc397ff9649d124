/**
 * The cooperation analysis on the demo agency (a year of survey answers and claims): the
 * administrator reads the NPS trend as a chart and its table, and opens the claims behind a
 * bar of the claims Pareto, then one of them. The demo lives on a server of its own (see
 * demo-server.ts).
 */
import { test, expect } from '@playwright/test';
import type { SatisfactionReport } from '../common/schemas/satisfaction-report';
import { expectAccessible } from './fixtures';
import { useDemoServer } from './demo-server';

test.describe.configure({ mode: 'serial', timeout: 180_000 });

const { demoUser } = useDemoServer('liaison-satisfaction-');

const signed = (nps: number | null) => (nps === null ? '—' : nps > 0 ? `+${nps}` : String(nps));

test('the administrator reads the NPS trend and opens the claims behind a Pareto bar', async ({ browser }) => {
  const page = await demoUser(browser, 'admin@demo.liaison.test');
  const report = (await (await page.request.get('/api/v1/reports/satisfaction')).json()) as SatisfactionReport;
  expect(report.nps.total.responses).toBeGreaterThan(0);
  expect(report.claims.byCategory.length).toBeGreaterThan(0);

  await page.goto('/deals');
  await page.getByRole('link', { name: 'Cooperation analysis' }).click();
  await expect(page.getByRole('heading', { name: 'Cooperation analysis', level: 1 })).toBeVisible();

  // The NPS chart, and its table with the API's numbers month by month.
  const nps = page.getByTestId('nps');
  await expect(nps.locator('figure .recharts-surface').first()).toBeVisible();
  await expect(page.getByTestId('nps-total')).toHaveText(signed(report.nps.total.nps));
  await expect(nps.getByTestId('nps-row')).toHaveCount(report.nps.months.length);
  await expect(nps.getByTestId('nps-score')).toHaveText(report.nps.months.map((m) => signed(m.nps)));
  await expectAccessible(page);

  // The most frequent category's bar opens its claims, each a link to its page.
  const top = report.claims.byCategory[0];
  const pareto = page.getByTestId('pareto-category');
  await expect(pareto.getByTestId('pareto-category-row').first()).toContainText(top.name);
  await pareto.locator('figure .recharts-bar-rectangle path').first().click();
  const drawer = page.getByRole('dialog', { name: `Claims: ${top.name}` });
  await expect(drawer).toBeVisible();
  await expect(drawer.getByTestId('drill-record')).toHaveCount(Math.min(top.claims, 25));
  await expectAccessible(page);
  const first = drawer.getByTestId('drill-record').first().getByRole('link');
  const title = await first.textContent();
  expect(title).toBe(top.name);
  await first.click();
  await expect(page).toHaveURL(/\/claims\/[^/]+$/);

  // Back on the report, the same claims open from the table's count, by keyboard.
  await page.goBack();
  const count = pareto.getByTestId('pareto-category-drill').first();
  await count.focus();
  await page.keyboard.press('Enter');
  await expect(page.getByRole('dialog', { name: `Claims: ${top.name}` }).getByTestId('drill-record')).toHaveCount(Math.min(top.claims, 25));
});
