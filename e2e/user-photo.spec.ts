/**
 * A manager's photo, from their own page to their clients' portal: the manager uploads it
 * (and is told why a wrong file is refused), the client sees it on Your manager, an admin
 * removes it from the users list, and the client sees the initials again.
 */
import { deflateSync } from 'node:zlib';
import { test, expect, type Page } from '@playwright/test';
import { apiAs, expectAccessible, signedInPage, unique } from './fixtures';

test.describe.configure({ mode: 'serial' });

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});
const crc32 = (bytes: Buffer) => (bytes.reduce((c, b) => CRC_TABLE[(c ^ b) & 0xff] ^ (c >>> 8), 0xffffffff) ^ 0xffffffff) >>> 0;

function chunk(type: string, data: Buffer): Buffer {
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, 'latin1'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([length, body, crc]);
}

/** A real square PNG of one colour (8-bit RGB), as a camera or an editor would save it. */
function pngOf(side: number, [r, g, b]: [number, number, number]): Buffer {
  const header = Buffer.alloc(13);
  header.writeUInt32BE(side, 0);
  header.writeUInt32BE(side, 4);
  header.set([8, 2, 0, 0, 0], 8); // 8 bits, RGB, no interlace
  const row = Buffer.concat([Buffer.from([0]), Buffer.from(Array.from({ length: side }, () => [r, g, b]).flat())]);
  const pixels = deflateSync(Buffer.concat(Array.from({ length: side }, () => row)));
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('IDAT', pixels),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

/** Picks a file for the photo with the keyboard: the button opens the browser's file chooser. */
async function choosePhoto(page: Page, button: string, file: { name: string; mimeType: string; buffer: Buffer }) {
  const chooser = page.waitForEvent('filechooser');
  await page.getByRole('button', { name: button }).focus();
  await page.keyboard.press('Enter');
  await (await chooser).setFiles(file);
}

/** The photo is shown and really loaded (not a broken image). */
async function expectPhotoShown(page: Page, name: string) {
  const photo = page.getByRole('img', { name: `Photo of ${name}` });
  await expect(photo).toBeVisible();
  await expect.poll(() => photo.evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth)).toBe(48);
}

const tag = unique();
const managerName = `Petra Photo ${tag}`;
let managerEmail = '';
let clientEmail = '';

test.beforeAll(async ({ browser }) => {
  const admin = await browser.newPage();
  const api = apiAs(admin.request);
  const manager = await api.createUser('account_manager', managerName);
  const account = await api.createAccount(`Photo Client ${tag}`, { ownerId: manager.id });
  const contact = await api.createContact(account.id, 'Colin', { lastName: `Client ${tag}`, email: `colin.${tag}@client.test` });
  const client = await api.createUser('client', `Colin Client ${tag}`, { contactId: contact.id });
  managerEmail = manager.email;
  clientEmail = client.email;
  await admin.close();
});

test('a manager uploads their photo on their own page; a wrong file is refused with the reason', async ({ browser }) => {
  const page = await signedInPage(browser, managerEmail);
  await page.goto('/security');
  const section = page.getByRole('region', { name: 'Your photo' });
  await expect(section.getByText('No photo yet: clients see your initials.')).toBeVisible();

  await choosePhoto(page, 'Upload a photo', { name: 'notes.png', mimeType: 'image/png', buffer: Buffer.from('not a picture at all') });
  await expect(section.getByRole('alert')).toContainText('The photo must be a PNG or JPEG image; this file is not one.');

  await choosePhoto(page, 'Upload a photo', { name: 'petra.png', mimeType: 'image/png', buffer: pngOf(48, [30, 90, 160]) });
  await expect(page.getByText(`The photo of ${managerName} is saved.`)).toBeVisible();
  await expectPhotoShown(page, managerName);
  await expect(section.getByRole('alert')).toHaveCount(0);

  const tooLarge = Buffer.concat([pngOf(48, [200, 40, 40]), Buffer.alloc(2 * 1024 * 1024)]);
  await choosePhoto(page, 'Replace the photo', { name: 'huge.png', mimeType: 'image/png', buffer: tooLarge });
  await expect(section.getByRole('alert')).toContainText('The photo is larger than 2 MB; upload a smaller image.');
  await expectPhotoShown(page, managerName); // the photo it had stays

  for (const scheme of ['light', 'dark'] as const) {
    if (scheme === 'dark') await page.getByRole('button', { name: 'Switch to dark theme' }).click();
    await expect(page.locator('html')).toHaveAttribute('data-mantine-color-scheme', scheme);
    await expectAccessible(page);
  }
  await page.getByRole('button', { name: 'Switch to light theme' }).click();
  await page.context().close();
});

test('the client sees the photo on Your manager; after an admin removes it from the users list, the initials', async ({
  page,
  browser,
}) => {
  const portal = await signedInPage(browser, clientEmail);
  await portal.goto('/portal/manager');
  const card = portal.getByTestId('portal-manager');
  await expect(card).toContainText(managerName);
  await expectPhotoShown(portal, managerName);

  await page.goto('/users');
  await page.getByRole('searchbox').fill(managerName);
  const row = page.getByRole('row').filter({ hasText: managerEmail });
  await expect(row.getByTestId('user-avatar')).toHaveAttribute('data-photo', 'yes');
  await row.getByRole('button', { name: `Change the photo of ${managerName}` }).click();
  const dialog = page.getByRole('dialog', { name: `Photo of ${managerName}` });
  await expectPhotoShown(page, managerName);
  await expectAccessible(page);
  await dialog.getByRole('button', { name: 'Remove the photo' }).click();
  const confirm = page.getByRole('dialog', { name: 'Remove the photo?' });
  await expect(confirm).toContainText(`Clients will see the initials of ${managerName} instead.`);
  await confirm.getByRole('button', { name: 'Remove' }).click();
  await expect(page.getByText(`The photo of ${managerName} is removed.`)).toBeVisible();
  await expect(dialog.getByText(`No photo yet: clients see the initials of ${managerName}.`)).toBeVisible();
  await dialog.getByRole('button', { name: 'Done' }).click();
  await expect(row.getByTestId('user-avatar')).toHaveAttribute('data-photo', 'no');

  await portal.reload();
  await expect(card).toContainText(managerName);
  await expect(portal.getByRole('img', { name: `Photo of ${managerName}` })).toHaveCount(0);
  await expect(card.getByText('PP', { exact: true })).toBeVisible();
  await portal.context().close();
});
