import { test, expect, type Page } from '@playwright/test';

/** What the page looked like before its first frame was painted, as recorded by recordFirstFrame. */
interface FirstFrame {
  /** Mantine's scheme attribute when the HTML had been read, before any app script ran. */
  schemeBeforeScripts: string | null;
  /** The background the first painted frame shows (body, else root, else the canvas). */
  background: string;
  colorScheme: string;
}

/** Records, from the very start of the next load, the scheme before scripts and the first frame's background. */
async function recordFirstFrame(page: Page) {
  await page.addInitScript(() => {
    const record: Partial<FirstFrame> = {};
    (window as unknown as { firstFrame: Partial<FirstFrame> }).firstFrame = record;
    // 'interactive' comes once the HTML is parsed and before deferred and module scripts run.
    document.addEventListener('readystatechange', () => {
      if (document.readyState === 'interactive') {
        record.schemeBeforeScripts = document.documentElement.getAttribute('data-mantine-color-scheme');
      }
    });
    // Each animation frame runs just before that frame paints: keep the last one before the
    // browser reports its first paint (it paints only once the styles are in).
    const paintedYet = () => performance.getEntriesByType('paint').length > 0;
    const frame = () => {
      if (paintedYet()) return;
      // What shows where nothing is drawn: the body's background, else the root's, else the canvas.
      const root = getComputedStyle(document.documentElement);
      const body = document.body ? getComputedStyle(document.body).backgroundColor : 'rgba(0, 0, 0, 0)';
      const transparent = (c: string) => c === 'transparent' || /rgba\(.*,\s*0\)$/.test(c);
      const canvas = root.colorScheme.trim() === 'dark' ? 'rgb(18, 18, 18)' : 'rgb(255, 255, 255)';
      record.background = !transparent(body) ? body : !transparent(root.backgroundColor) ? root.backgroundColor : canvas;
      record.colorScheme = root.colorScheme;
      requestAnimationFrame(frame);
    };
    requestAnimationFrame(frame);
  });
}

/** Relative luminance (0 black … 1 white) of a computed `rgb()`/`rgba()` colour. */
function luminance(color: string): number {
  const [r, g, b] = (color.match(/[\d.]+/g) ?? []).slice(0, 3).map(Number);
  return (0.2126 * r + 0.7152 * g + 0.0722 * b) / 255;
}

const firstFrame = (page: Page) =>
  page.waitForFunction(() => {
    const frame = (window as unknown as { firstFrame?: Partial<FirstFrame> }).firstFrame;
    return frame?.background && performance.getEntriesByType('paint').length > 0 ? frame : null;
  });

test.describe('the colour scheme on load', () => {
  test('a signed-in user who chose dark gets a dark first frame, before the app runs', async ({ page }) => {
    await page.goto('/accounts');
    await page.getByRole('button', { name: 'Switch to dark theme' }).click();
    await expect(page.locator('html')).toHaveAttribute('data-mantine-color-scheme', 'dark');

    await recordFirstFrame(page);
    await page.reload();
    const frame = (await (await firstFrame(page)).jsonValue()) as FirstFrame;
    expect(frame.schemeBeforeScripts).toBe('dark');
    expect(frame.colorScheme).toBe('dark');
    expect(luminance(frame.background), frame.background).toBeLessThan(0.25);
    await expect(page.getByRole('heading', { level: 1, name: 'Accounts' })).toBeVisible();
    await expect(page.locator('html')).toHaveAttribute('data-mantine-color-scheme', 'dark');

    // Even with none of the app's code (blocked here), the page the server sends is dark.
    await page.route('**/assets/*.js', (route) => route.abort());
    await page.goto('/accounts');
    await expect(page.locator('html')).toHaveAttribute('data-mantine-color-scheme', 'dark');
    const background = await page.evaluate(() => getComputedStyle(document.body).backgroundColor);
    expect(luminance(background), background).toBeLessThan(0.25);
  });

  test('without a choice the first frame is light', async ({ browser }) => {
    const context = await browser.newContext({ storageState: { cookies: [], origins: [] }, colorScheme: 'dark' });
    const page = await context.newPage();
    await recordFirstFrame(page);
    await page.goto('/sign-in');
    const frame = (await (await firstFrame(page)).jsonValue()) as FirstFrame;
    expect(luminance(frame.background), frame.background).toBeGreaterThan(0.75);
    await context.close();
  });
});
