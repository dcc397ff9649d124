import { test, expect, type Page } from '@playwright/test';
import { apiAs, expectAccessible, signedInPage, unique } from './fixtures';

/** A 2×2 PNG: what an admin would upload as the agency's logo. */
const PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAIAAAACCAIAAAD91JpzAAAAFklEQVR4nGP8z8DAwMDAxMDAwMDAAAANHQEDasKb6QAAAABJRU5ErkJggg==',
  'base64',
);

/** The PDF behind a link or a frame, fetched with the page's session: its type, shown inline, and its first bytes. */
async function expectPdf(page: Page, url: string) {
  const res = await page.request.get(url);
  expect(res.status()).toBe(200);
  expect(res.headers()['content-type']).toBe('application/pdf');
  expect(res.headers()['content-disposition']).toMatch(/^inline; /);
  expect((await res.body()).subarray(0, 5).toString()).toBe('%PDF-');
}

test('an admin fills in the agency details with a logo; a manager drafts a contract, previews, sends and downloads it; an invoice’s PDF opens', async ({
  page,
  browser,
}) => {
  const tag = unique();
  const api = apiAs(page.request);

  // The admin names the agency and uploads its logo.
  await page.goto('/settings/agency');
  await expect(page.getByRole('heading', { level: 1, name: 'Agency details' })).toBeVisible();
  await page.getByLabel('Trading name').fill(`Studio ${tag}`);
  await page.getByLabel('Tax ID').fill('7701234567');
  await page.getByLabel('Legal name (English)').fill(`Studio ${tag} Ltd`);
  await page.getByLabel('Legal name (Russian)').fill(`ООО «Студия ${tag}»`);
  await page.getByLabel('Signatory (English)').fill('Anna Smith');
  await page.getByRole('button', { name: 'Save' }).click();
  await expect(page.getByText('Agency details saved')).toBeVisible();
  await page.locator('input[type="file"]').setInputFiles({ name: 'logo.png', mimeType: 'image/png', buffer: PNG });
  await expect(page.getByText('Logo saved')).toBeVisible();
  await expect(page.getByRole('img', { name: "The agency's logo" })).toBeVisible();
  // A file that only claims to be an image is refused by its content.
  await page.locator('input[type="file"]').setInputFiles({ name: 'logo.png', mimeType: 'image/png', buffer: Buffer.from('<html></html>') });
  await expect(page.getByText('The logo must be a PNG, JPEG or SVG image; this file is not one.')).toBeVisible();
  await page.reload();
  await expect(page.getByLabel('Legal name (Russian)')).toHaveValue(`ООО «Студия ${tag}»`);

  // A manager with a client who has someone to send to.
  const manager = await api.createUser('account_manager', `Paper Manager ${tag}`);
  const name = `Paper Client ${tag}`;
  const account = await api.createAccount(name, { ownerId: manager.id, currency: 'EUR', language: 'en' });
  await api.createContact(account.id, 'Olga', { lastName: 'Reader', email: `olga.${tag}@example.test` });
  const mgr = await signedInPage(browser, manager.email);

  // A contract from the built-in template, started on the client's page.
  await mgr.goto(`/accounts/${account.id}`);
  await mgr.getByRole('tab', { name: 'Documents' }).click();
  const section = mgr.getByRole('region', { name: 'Documents' });
  await expect(section).toContainText('No documents yet.');
  await section.getByRole('link', { name: 'New document' }).click();
  await expect(mgr.getByRole('heading', { level: 1, name: 'New document' })).toBeVisible();
  await expect(mgr.getByLabel('Type')).toHaveValue('contract');
  await mgr.getByLabel('Starts on').fill('2030-01-01');
  await mgr.getByLabel('Ends on').fill('2030-12-31');
  await mgr.getByRole('button', { name: 'Save draft' }).click();
  await expect(mgr.getByRole('heading', { level: 1, name: 'Contract' })).toBeVisible();
  await expect(mgr.getByTestId('document-status')).toHaveText('Draft');

  // Its preview is the PDF the client would get, with the agency's details.
  const viewer = mgr.getByTestId('pdf-viewer');
  await expect(viewer).toHaveAttribute('title', 'PDF of Contract');
  await expectPdf(mgr, (await viewer.getAttribute('src'))!);
  await expectAccessible(mgr);

  // Sending numbers it; the client's contact is the only one to choose.
  await mgr.getByRole('button', { name: 'Send', exact: true }).click();
  const dialog = mgr.getByRole('dialog', { name: 'Send Contract' });
  await dialog.getByRole('button', { name: 'Send', exact: true }).click();
  await expect(dialog.getByText('Choose at least one recipient')).toBeVisible();
  await dialog.getByRole('checkbox', { name: `Olga Reader <olga.${tag}@example.test>` }).check();
  await dialog.getByLabel('Message (optional)').fill('Here is our contract for next year.');
  await dialog.getByRole('button', { name: 'Send', exact: true }).click();
  await expect(dialog).toBeHidden();
  const heading = mgr.getByRole('heading', { level: 1, name: /^Contract CT-\d{4}-\d{4}$/ });
  await expect(heading).toBeVisible();
  const number = (await heading.textContent())!.replace('Contract ', '');
  await expect(mgr.getByTestId('document-status')).toHaveText('Sent');
  await expect(mgr.getByRole('link', { name: 'Edit' })).toHaveCount(0);
  await expect(mgr.getByTestId('document-history')).toContainText(`Numbered ${number} and sent`);
  await expect(mgr.getByTestId('document-history')).toContainText(`Emailed to olga.${tag}@example.test`);

  // The PDF downloads under its number.
  const [download] = await Promise.all([mgr.waitForEvent('download'), mgr.getByRole('link', { name: 'Download PDF' }).click()]);
  expect(download.suggestedFilename()).toBe(`contract-${number}.pdf`);
  const { readFile } = await import('node:fs/promises');
  expect((await readFile(await download.path())).subarray(0, 5).toString()).toBe('%PDF-');

  // The registry finds it by its status; the account's section lists it.
  await mgr.getByRole('link', { name: 'Documents', exact: true }).click();
  await expect(mgr.getByRole('heading', { level: 1, name: 'Documents' })).toBeVisible();
  await mgr.getByLabel('Status').selectOption({ label: 'Sent' });
  await expect(mgr.getByTestId('document-row').filter({ hasText: number })).toContainText(name);
  await expectAccessible(mgr);
  await mgr.goto(`/accounts/${account.id}?tab=documents`);
  await expect(mgr.getByRole('region', { name: 'Documents' }).getByRole('link', { name: number })).toBeVisible();

  // An issued invoice of the client opens as a PDF and can be sent.
  const draft = await api.post<{ id: string }>('/invoices', {
    accountId: account.id,
    lines: [{ description: 'Retainer', quantity: 1, unitPriceMinor: 150_000 }],
  });
  await api.post(`/invoices/${draft.id}/issue`, {});
  await mgr.goto(`/invoices/${draft.id}`);
  await expect(mgr.getByRole('heading', { level: 1, name: /^Invoice / })).toBeVisible();
  // It opens in a tab of its own, shown there rather than downloaded (the headless shell the
  // journeys run in has no PDF viewer, so the tab itself is not looked at).
  const pdfLink = mgr.getByRole('link', { name: 'PDF', exact: true });
  await expect(pdfLink).toHaveAttribute('target', '_blank');
  await expectPdf(mgr, (await pdfLink.getAttribute('href'))!);
  await mgr.getByRole('button', { name: 'Send', exact: true }).click();
  const send = mgr.getByRole('dialog', { name: /^Send invoice / });
  await send.getByRole('checkbox').check();
  await send.getByRole('button', { name: 'Send', exact: true }).click();
  await expect(mgr.getByText(`Invoice sent to olga.${tag}@example.test`)).toBeVisible();
  await mgr.context().close();
});

test('an admin rewords a template: a placeholder that does not exist is refused, the preview follows the wording', async ({ page }) => {
  await page.goto('/settings/templates');
  await expect(page.getByRole('heading', { level: 1, name: 'Document templates' })).toBeVisible();
  await page.getByLabel('Type').selectOption({ label: 'Commercial proposal' });
  await expect(page.getByTestId('template-preview')).toBeVisible();
  const intro = page.getByLabel('Introduction');
  await intro.fill('Dear {{constructor}}');
  await expect(page.getByText('The preview cannot be drawn')).toBeVisible();
  await page.getByRole('button', { name: 'Save' }).click();
  await expect(page.getByText('{{constructor}}').first()).toBeVisible();
  await page.getByRole('button', { name: 'Restore the built-in wording of “Introduction”' }).click();
  await expect(page.getByText('The preview cannot be drawn')).toBeHidden();
  await expect(page.getByTestId('template-preview')).toBeVisible();
  await expectAccessible(page);
});

for (const scheme of ['light', 'dark'] as const) {
  test(`the paperwork pages have no critical or serious accessibility violations in the ${scheme} theme`, async ({ page }) => {
    await page.emulateMedia({ colorScheme: scheme });
    await page.addInitScript((s) => localStorage.setItem('liaison.color-scheme', s), scheme);
    const api = apiAs(page.request);
    const account = await api.createAccount(`Axe Paper ${unique()}`, { currency: 'EUR' });
    const doc = await api.post<{ id: string }>('/documents', {
      kind: 'act',
      accountId: account.id,
      lines: [{ description: 'Design', quantity: 2, unitPriceMinor: 50_000 }],
    });
    for (const [url, heading] of [
      ['/documents', 'Documents'],
      ['/documents/new', 'New document'],
      [`/documents/${doc.id}`, 'Act of completed work'],
      [`/documents/${doc.id}/edit`, 'Edit the draft'],
      ['/settings/agency', 'Agency details'],
      ['/settings/templates', 'Document templates'],
    ]) {
      await page.goto(url);
      await expect(page.getByRole('heading', { level: 1, name: heading })).toBeVisible();
      await expect(page.getByRole('status')).toHaveCount(0);
      await expectAccessible(page);
    }
  });
}
