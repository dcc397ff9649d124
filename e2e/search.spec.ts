/**
 * Global search in Russian: a manager presses Ctrl+K anywhere, types the beginning of a
 * Cyrillic account name (with е for its ё), moves to the result with the keyboard and opens it.
 */
import { test, expect } from '@playwright/test';
import { apiAs, expectAccessible, signedInPage, unique } from './fixtures';

test('finds an account by the beginning of its Cyrillic name with Ctrl+K, in Russian', async ({ browser, request }) => {
  const api = apiAs(request);
  const tag = unique();
  const manager = await api.createUser('account_manager', `Search Manager ${tag}`);
  const account = await api.createAccount(`Берёзовая роща ${tag}`, { ownerId: manager.id });
  const page = await signedInPage(browser, manager.email);
  await page.getByTestId('language-switch').first().selectOption('ru');
  await expect(page.getByTestId('search-button')).toContainText('Поиск');

  await page.keyboard.press('Control+K');
  const box = page.getByRole('textbox', { name: 'Поиск' });
  await expect(box).toBeFocused();
  await box.fill(`березов ${tag}`);
  const result = page.getByTestId('search-result').filter({ hasText: account.name });
  await expect(result).toBeVisible();
  await expect(page.getByText('Клиенты', { exact: true })).toBeVisible();
  await expectAccessible(page);
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('Enter');

  await expect(page).toHaveURL(new RegExp(`/accounts/${account.id}$`));
  await expect(page.getByRole('heading', { level: 1, name: account.name })).toBeVisible();
  await page.context().close();
});
