/** Shared steps of the sales journeys: catalog services, proposal lines and the board's keyboard moves. */
import { expect, type Page } from '@playwright/test';
import type { apiAs } from './fixtures';

/** A calendar date `days` from today, as the date inputs take it. */
export const dayFromToday = (days: number) => new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10);

/** A catalog service priced in EUR whose delivery template has one milestone and one task for `role`. */
const catalogService = (name: string, amountMinor: number, role: string, task: string) => ({
  name: { en: name, ru: name },
  description: { en: `${name} for the client`, ru: name },
  workKind: 'seo',
  unit: 'project',
  prices: [{ currency: 'EUR', amountMinor }],
  template: {
    milestones: [{ key: 'm1', title: { en: `${name} done` }, offsetDays: 10 }],
    tasks: [{ title: { en: task }, role, hours: 4, milestoneKey: 'm1' }],
  },
});

/** Chooses a catalog service on the proposal's `n`th line by typing its name. */
export async function pickService(page: Page, n: number, name: string) {
  const line = page.getByRole('group', { name: `Line ${n}` });
  await line.getByRole('combobox', { name: 'Catalog service' }).fill(name);
  await page.getByRole('option', { name: new RegExp(name) }).click();
  await expect(line.getByRole('textbox', { name: 'Description' })).toHaveValue(name);
}

/** Picks a board card up by keyboard, carries it `steps` columns to the right (to the left when negative), and drops it. */
export async function moveByKeyboard(page: Page, title: string, steps: number) {
  const handle = page.getByRole('button', { name: `Move ${title}` });
  await handle.focus();
  await page.keyboard.press('Space');
  // The board listens for the arrows once the card is picked up (its move button pressed).
  await expect(handle).toHaveAttribute('aria-pressed', 'true');
  for (let i = 0; i < Math.abs(steps); i++) await page.keyboard.press(steps > 0 ? 'ArrowRight' : 'ArrowLeft');
  await page.keyboard.press('Space');
}

/** A deal's card in a column of the board. */
export const boardCard = (page: Page, stage: string, title: string) =>
  page.getByTestId(`board-column-${stage}`).getByTestId('board-card').filter({ hasText: title });

/**
 * A manager, an SEO specialist and a copywriter (named as given, with `tag`), and two catalog
 * services: "Site audit <tag>" (EUR 1,500, "Crawl the site" for SEO) and "Landing copy <tag>"
 * (EUR 400, "Write the landing page" for a copywriter).
 */
export async function salesTeam(api: ReturnType<typeof apiAs>, tag: string, names: { manager: string; seo: string; writer: string }) {
  const manager = await api.createUser('account_manager', `${names.manager} ${tag}`);
  const seo = await api.createUser('specialist', `${names.seo} ${tag}`, { specialties: ['seo'] });
  const writer = await api.createUser('specialist', `${names.writer} ${tag}`, { specialties: ['copywriter'] });
  await api.post('/services', catalogService(`Site audit ${tag}`, 150_000, 'seo', 'Crawl the site'));
  await api.post('/services', catalogService(`Landing copy ${tag}`, 40_000, 'copywriter', 'Write the landing page'));
  return { manager, seo, writer };
}

/** Sends the open proposal to the contact with this email from its page, and sees it sent. */
export async function sendProposalTo(page: Page, email: string) {
  await page.getByRole('button', { name: 'Send', exact: true }).click();
  await page.getByRole('combobox', { name: 'Send to' }).click();
  await page.getByRole('option', { name: new RegExp(email) }).click();
  await page.getByRole('button', { name: 'Send now' }).click();
  await expect(page.getByTestId('proposal-status')).toHaveText('Sent');
}

/** From an accepted proposal's page: starts its project (named after the deal) and finds each task given to its person. */
export async function startProjectWithTasks(page: Page, dealTitle: string, assignees: Record<string, string>) {
  await page.getByRole('button', { name: 'Start project' }).click();
  const dialog = page.getByRole('dialog', { name: 'Start project' });
  await expect(dialog.getByRole('textbox', { name: 'Project name' })).toHaveValue(dealTitle);
  await dialog.getByRole('button', { name: 'Start project' }).click();
  await page.waitForURL(/\/projects\/[\w-]+/);
  await page.goto(`${new URL(page.url()).pathname}?tab=tasks`);
  const rows = page.getByTestId('task-row');
  for (const [task, person] of Object.entries(assignees)) await expect(rows.filter({ hasText: task })).toContainText(person);
}
