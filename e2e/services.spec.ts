import { test, expect, type Locator, type Page } from '@playwright/test';
import { apiAs, expectAccessible, signedInPage, unique } from './fixtures';

/** Fills one row of the template: its title in English, then the rest of its fields by label. */
async function fillRow(row: Locator, title: string, fields: Record<string, string>) {
  await row.getByRole('textbox', { name: /in English/ }).fill(title);
  for (const [label, value] of Object.entries(fields)) {
    const box = row.getByRole('textbox', { name: label, exact: true });
    if (await box.count()) await box.fill(value);
    else await row.getByRole('combobox', { name: label, exact: true }).selectOption({ label: value });
  }
}

/** Turns the app to the colour scheme with the shell's switch (the choice is kept), unless it is in it already. */
async function useScheme(page: Page, scheme: 'light' | 'dark') {
  const html = page.locator('html');
  if ((await html.getAttribute('data-mantine-color-scheme')) !== scheme) {
    await page.getByRole('button', { name: `Switch to ${scheme} theme` }).click();
  }
  await expect(html).toHaveAttribute('data-mantine-color-scheme', scheme);
}

/** axe on the page with nothing open over it, in both colour schemes; it is left in the light one. */
async function expectAccessibleInBothThemes(page: Page) {
  for (const scheme of ['dark', 'light'] as const) {
    await useScheme(page, scheme);
    await expectAccessible(page);
  }
}

test.setTimeout(120_000);
test('an admin adds a service with two prices and a template, edits it and deactivates it; a manager reads it without changing it', async ({
  page,
  browser,
}) => {
  const tag = unique();
  const name = `Site audit ${tag}`;

  await page.goto('/services');
  await expect(page.getByRole('heading', { level: 1, name: 'Services' })).toBeVisible();
  await expect(page.getByRole('status')).toHaveCount(0);
  await expectAccessibleInBothThemes(page);

  // The service: names in both languages, a kind of work and unit, prices in euros and dollars.
  // The editor is checked in the dark scheme, the editor of a change in the light one.
  await useScheme(page, 'dark');
  await page.getByRole('button', { name: 'New service' }).first().click();
  const dialog = page.getByRole('dialog', { name: 'New service' });
  await dialog.getByLabel('Name in English').fill(name);
  await dialog.getByLabel('Name in Russian').fill(`Аудит сайта ${tag}`);
  await dialog.getByLabel('Kind of work').selectOption({ label: 'Usability audit' });
  await dialog.getByLabel('Priced per').selectOption({ label: 'Project' });
  await expect(dialog.getByLabel('Currency 1')).toHaveValue('EUR'); // the agency's currency comes first
  await dialog.getByLabel('Amount 1').fill('1500');
  await dialog.getByRole('button', { name: 'Add a price' }).click();
  await dialog.getByLabel('Currency 2').selectOption('USD');
  await dialog.getByLabel('Amount 2').fill('1650.50');

  // Two milestones and three tasks, one tied to each milestone and one to none.
  await dialog.getByRole('button', { name: 'Add a milestone' }).click();
  await dialog.getByRole('button', { name: 'Add a milestone' }).click();
  await fillRow(dialog.getByRole('group', { name: 'Milestone 1' }), 'Expert review', { 'Days from the start': '5' });
  await fillRow(dialog.getByRole('group', { name: 'Milestone 2' }), 'Report', { 'Days from the start': '12' });
  for (let i = 0; i < 3; i++) await dialog.getByRole('button', { name: 'Add a task' }).click();
  await fillRow(dialog.getByRole('group', { name: 'Task 1' }), 'Heuristic review', {
    Role: 'Usability expert',
    'Estimated hours': '8',
    Milestone: 'Expert review',
  });
  await fillRow(dialog.getByRole('group', { name: 'Task 2' }), 'Analytics check', { Role: 'Analyst', 'Estimated hours': '3,5' });
  await fillRow(dialog.getByRole('group', { name: 'Task 3' }), 'Write the report', {
    Role: 'Copywriter',
    'Estimated hours': '6',
    Milestone: 'Report',
  });
  await expectAccessible(page);
  await dialog.getByRole('button', { name: 'Save' }).click();
  await expect(page.getByText(`Service “${name}” added`)).toBeVisible();
  await expect(dialog).toBeHidden();

  const row = page.getByTestId('service-row').filter({ hasText: name });
  await expect(row).toContainText('€1,500.00 per project');
  await expect(row).toContainText('US$1,650.50 per project');
  await expect(row).toContainText('Active');

  // Editing: a new price, and the report task moved up before the analytics check, by keyboard.
  await useScheme(page, 'light');
  await row.getByRole('button', { name, exact: true }).click();
  const editor = page.getByRole('dialog', { name: 'Edit service' });
  await expect(editor.getByLabel('Name in English')).toHaveValue(name);
  await expect(editor.getByRole('group', { name: 'Task 2' }).getByLabel('Task in English')).toHaveValue('Analytics check');
  await editor.getByLabel('Amount 1').fill('1800');
  await expectAccessible(page);
  await editor.getByRole('button', { name: 'Move Task 3 up' }).focus();
  await page.keyboard.press('Enter');
  await expect(editor.getByRole('group', { name: 'Task 2' }).getByLabel('Task in English')).toHaveValue('Write the report');
  await expect(editor.getByRole('group', { name: 'Task 2' }).getByRole('combobox', { name: 'Milestone', exact: true })).toHaveValue(/.+/);
  await editor.getByRole('button', { name: 'Save' }).click();
  await expect(page.getByText(`Service “${name}” saved`)).toBeVisible();
  await expect(row).toContainText('€1,800.00 per project');

  // The template kept its order and ties.
  const api = apiAs(page.request);
  const { items } = await api.get<{
    items: Array<{ id: string; template: { tasks: Array<{ title: { en: string }; milestoneKey: string | null }> } }>;
  }>(`/services?q=${encodeURIComponent(name)}`);
  expect(items[0].template.tasks.map((t) => t.title.en)).toEqual(['Heuristic review', 'Write the report', 'Analytics check']);
  expect(items[0].template.tasks[2].milestoneKey).toBeNull();

  // Deactivated, it stays listed as inactive and leaves the active list.
  await row.getByRole('button', { name: `Deactivate ${name}` }).click();
  await expect(page.getByText(`“${name}” is no longer offered`)).toBeVisible();
  await expect(row).toContainText('Inactive');
  await page.getByLabel('Status').selectOption({ label: 'Active' });
  await expect(page.getByTestId('service-row').filter({ hasText: name })).toHaveCount(0);

  // A manager reads the catalog: no way to add or change, the service opens read only.
  const manager = await api.createUser('account_manager', `Catalog Reader ${tag}`);
  const mgr = await signedInPage(browser, manager.email);
  await mgr.getByRole('navigation').getByRole('link', { name: 'Services' }).click();
  await expect(mgr.getByRole('heading', { level: 1, name: 'Services' })).toBeVisible();
  await expect(mgr.getByRole('button', { name: 'New service' })).toHaveCount(0);
  await mgr.getByRole('searchbox', { name: 'Search' }).fill(name);
  const seen = mgr.getByTestId('service-row').filter({ hasText: name });
  await expect(seen).toContainText('Inactive');
  await expect(seen.getByRole('button', { name: /Reactivate|Deactivate/ })).toHaveCount(0);
  await expectAccessibleInBothThemes(mgr);
  await seen.getByRole('button', { name, exact: true }).click();
  const view = mgr.getByRole('dialog', { name });
  await expect(view).toContainText('Write the report');
  await expect(view).toContainText('Usability audit');
  await expect(view.getByRole('textbox')).toHaveCount(0);
  await expect(view.getByRole('button', { name: 'Save' })).toHaveCount(0);
  await expectAccessible(mgr);
  await mgr.context().close();
});
