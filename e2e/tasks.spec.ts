import { test, expect, type Browser, type Page } from '@playwright/test';
import { PASSWORD, apiAs, expectAccessible, signIn, signedInPage, unique } from './fixtures';

interface Task {
  id: string;
  title: string;
  version: number;
}
interface Calendar {
  today: string;
  weekEnd: string;
}

/** An account manager with an account of their own, a project on it, and an SEO specialist to give work to. */
async function createProjectTeam(page: Page, tag: string) {
  const api = apiAs(page.request);
  const manager = await api.createUser('account_manager', `Manager ${tag}`);
  const seo = await api.createUser('specialist', `Seo ${tag}`, { specialties: ['seo'] });
  const account = await api.createAccount(`Task Client ${tag}`, { ownerId: manager.id, currency: 'EUR' });
  const project = await api.post<{ id: string; name: string }>('/projects', {
    accountId: account.id,
    name: `Task Project ${tag}`,
    kind: 'seo',
    currency: 'EUR',
  });
  const milestone = (title: string, dueDate: string) => api.post<{ id: string }>('/milestones', { projectId: project.id, title, dueDate });
  const task = (input: Record<string, unknown>) => api.post<Task>('/tasks', { projectId: project.id, assigneeId: seo.id, ...input });
  return { api, manager, seo, account, project, milestone, task };
}

/** The calendar date `days` after a YYYY-MM-DD date. */
const addDays = (date: string, days: number) => new Date(Date.parse(`${date}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);

/** A time zone whose date now differs from UTC's (the agency's here): UTC+14 late in the UTC day, UTC−11 early in it. */
const zoneOffTheAgencysDay = () => (new Date().getUTCHours() >= 10 ? 'Pacific/Kiritimati' : 'Pacific/Pago_Pago');

/** Signs in through the sign-in page in a browser whose clock is in another time zone than the agency's. */
async function signedInElsewhere(browser: Browser, email: string): Promise<Page> {
  const context = await browser.newContext({ storageState: { cookies: [], origins: [] }, timezoneId: zoneOffTheAgencysDay() });
  const page = await context.newPage();
  await page.goto('/sign-in');
  await signIn(page, email, PASSWORD);
  await page.waitForURL((url) => !url.pathname.startsWith('/sign-in'));
  return page;
}

test('a manager opens a task from the project’s list and reads its details, comments, time log and history', async ({ page, browser }) => {
  const tag = unique();
  const { manager, seo, account, project, milestone } = await createProjectTeam(page, tag);
  const audit = await milestone('Audit', '2030-02-28');
  const title = `Crawl the site ${tag}`;
  const mgr = await signedInPage(browser, manager.email);
  const created = await apiAs(mgr.request).post<Task>('/tasks', {
    projectId: project.id,
    title,
    assigneeId: seo.id,
    milestoneId: audit.id,
    estimateHours: 10,
    dueDate: '2030-02-20',
  });

  // The specialist starts, logs time and asks a question, through the API.
  const spec = await signedInPage(browser, seo.email);
  const specApi = apiAs(spec.request);
  const started = await specApi.patch<Task>(`/tasks/${created.id}`, { status: 'in_progress' }, created.version);
  await specApi.patch<Task>(`/tasks/${created.id}`, { spentHours: 2.5 }, started.version);
  await specApi.post(`/tasks/${created.id}/comments`, { body: 'Should the blog be crawled too?' });

  await mgr.goto(`/projects/${project.id}?tab=tasks`);
  // From the keyboard: the title is a link like any other.
  const link = mgr.getByTestId('task-row').getByRole('link', { name: title });
  await link.focus();
  await mgr.keyboard.press('Enter');
  await expect(mgr).toHaveURL(new RegExp(`/tasks/${created.id}$`));
  await expect(mgr.getByRole('heading', { level: 1, name: title })).toBeVisible();

  const details = mgr.getByRole('region', { name: 'Details' });
  for (const text of [project.name, account.name, 'Audit', seo.name, 'SEO specialist', 'In progress', '2.5 h', '10 h'])
    await expect(details).toContainText(text);
  // The SEO role's default rate, €60.00 an hour, in the project's currency.
  await expect(details).toContainText('€150.00 of €600.00 estimated');
  await expect(details).toContainText('€60.00 an hour');
  await expect(details.getByRole('link', { name: account.name })).toHaveAttribute('href', `/accounts/${account.id}`);

  await expect(mgr.getByRole('region', { name: 'Comments' }).getByTestId('comment')).toContainText('Should the blog be crawled too?');
  const timeLog = mgr.getByRole('region', { name: 'Time log' }).getByTestId('time-entry');
  await expect(timeLog).toHaveCount(1);
  await expect(timeLog).toContainText(`+2.5 h · ${seo.name}`);
  const history = mgr.getByRole('region', { name: 'History' }).getByTestId('history-entry');
  await expect(history).toHaveCount(3);
  await expect(history.nth(0)).toContainText(`Changed · ${seo.name}`);
  await expect(history.nth(0)).toContainText('Time spent (hours): 0 → 2.5');
  await expect(history.nth(1)).toContainText('Status: To do → In progress');
  await expect(history.nth(2)).toContainText(`Created · ${manager.name}`);
  await expect(history.nth(2)).toContainText('Milestone: Audit');

  // The manager answers, and moves the due date on the task's edit page.
  await mgr.getByLabel('Your comment').fill('Yes, the blog too.');
  await mgr.getByRole('button', { name: 'Comment', exact: true }).click();
  await expect(mgr.getByTestId('comment')).toHaveCount(2);
  await mgr.getByRole('link', { name: 'Edit' }).click();
  await expect(mgr.getByRole('heading', { level: 1, name: `Edit ${title}` })).toBeVisible();
  // The form starts from the task as it is.
  await expect(mgr.getByRole('combobox', { name: 'Specialist' })).toHaveValue(seo.name);
  await expect(mgr.getByLabel('Milestone')).toHaveValue(audit.id);
  await mgr.getByLabel('Due').fill('2030-02-25');
  await mgr.getByRole('button', { name: 'Save' }).click();
  await expect(mgr.getByRole('heading', { level: 1, name: title })).toBeVisible();
  await expect(details).toContainText('25 Feb 2030');
  await expect(history).toHaveCount(4);
  await expect(history.nth(0)).toContainText(`Changed · ${manager.name}`);
  await expect(history.nth(0)).toContainText('Due date: 20 Feb 2030 → 25 Feb 2030');

  // The specialist sees the same page without the money, the account link or the manager's buttons.
  await spec.goto(`/tasks/${created.id}`);
  await expect(spec.getByRole('heading', { level: 1, name: title })).toBeVisible();
  await expect(spec.getByRole('region', { name: 'Comments' }).getByTestId('comment')).toHaveCount(2);
  await expect(spec.getByRole('region', { name: 'Details' })).not.toContainText('€');
  await expect(spec.getByRole('region', { name: 'Details' }).getByRole('link', { name: account.name })).toHaveCount(0);
  await expect(spec.getByRole('link', { name: 'Edit' })).toHaveCount(0);
  await expect(spec.getByRole('button', { name: 'Delete' })).toHaveCount(0);

  // Another specialist finds no such task.
  const other = await apiAs(page.request).createUser('specialist', `Other Seo ${tag}`);
  const stranger = await signedInPage(browser, other.email);
  await stranger.goto(`/tasks/${created.id}`);
  await expect(stranger.getByRole('heading', { level: 1, name: 'Not found' })).toBeVisible();
  await expect(stranger.getByText(title)).toHaveCount(0);

  // The manager deletes the task from its page and is taken back to the project's tasks.
  await mgr.goto(`/tasks/${created.id}`);
  await mgr.getByRole('button', { name: 'Delete' }).click();
  const confirm = mgr.getByRole('dialog', { name: `Delete “${title}”?` });
  await confirm.getByRole('button', { name: 'Delete' }).click();
  await expect(mgr.getByText(`“${title}” was deleted.`)).toBeVisible();
  await expect(mgr).toHaveURL(new RegExp(`/projects/${project.id}\\?tab=tasks$`));
  await expect(mgr.getByRole('heading', { level: 1, name: project.name })).toBeVisible();
  await expect(mgr.getByRole('link', { name: title })).toHaveCount(0);

  // A project in a currency the rate table has no rate in: the cost says so, never a sum in euros.
  const admin = apiAs(page.request);
  const francs = await admin.createAccount(`Franc Client ${tag}`, { ownerId: manager.id, currency: 'CHF' });
  const francProject = await admin.post<{ id: string }>('/projects', {
    accountId: francs.id,
    name: `Franc Project ${tag}`,
    kind: 'seo',
    currency: 'CHF',
  });
  const francTask = await admin.post<Task>('/tasks', {
    projectId: francProject.id,
    title: `Franc task ${tag}`,
    assigneeId: seo.id,
    estimateHours: 4,
  });
  await mgr.goto(`/tasks/${francTask.id}`);
  await expect(details.getByTestId('missing-rate')).toHaveText('No rate in CHF for SEO specialist, so the cost is unknown.');
  await expect(details).not.toContainText('€');
  await Promise.all([mgr.context().close(), spec.context().close(), stranger.context().close()]);
});

test('the project’s task list shows open work first, by status then due date, with each task’s milestone', async ({ page }) => {
  const tag = unique();
  const { project, milestone, task } = await createProjectTeam(page, tag);
  const audit = await milestone('Audit', '2030-03-31');
  const content = await milestone('Content', '2030-05-31');
  // Created in an order that matches no sort.
  const tasks: [string, string, string | null, string | null][] = [
    ['Finished', 'done', '2030-01-05', audit.id],
    ['Todo undated', 'todo', null, null],
    ['Todo dated', 'todo', '2030-03-10', content.id],
    ['Blocked later', 'blocked', '2030-03-20', content.id],
    ['In review', 'review', '2030-03-05', audit.id],
    ['Doing', 'in_progress', '2030-03-01', audit.id],
    ['Blocked sooner', 'blocked', '2030-03-02', audit.id],
  ];
  for (const [title, status, dueDate, milestoneId] of tasks)
    await task({ title: `${title} ${tag}`, status, dueDate, milestoneId, blockedReason: status === 'blocked' ? 'Waiting' : undefined });

  await page.goto(`/projects/${project.id}?tab=tasks`);
  const rows = page.getByTestId('task-row');
  await expect(rows.getByRole('link')).toHaveText(
    ['Blocked sooner', 'Blocked later', 'Doing', 'In review', 'Todo dated', 'Todo undated', 'Finished'].map((x) => `${x} ${tag}`),
  );
  await expect(page.getByRole('columnheader').nth(3)).toHaveText('Milestone');
  await expect(rows.locator('td:nth-child(4)')).toHaveText(['Audit', 'Content', 'Audit', 'Audit', 'Content', '—', 'Audit']);
});

test('a specialist’s My work groups late, today, this week and later work by the agency’s calendar, each by due date', async ({
  page,
  browser,
}) => {
  const tag = unique();
  const { api, seo, task } = await createProjectTeam(page, tag);
  const { today, weekEnd } = await api.get<Calendar>('/settings/calendar');
  const tomorrow = addDays(today, 1);
  // On the week's last day, tomorrow is next week: "later".
  const tomorrowGroup = tomorrow <= weekEnd ? 'thisWeek' : 'later';
  const plan: [string, string | null, string][] = [
    ['Next month', addDays(weekEnd, 30), 'later'],
    ['Yesterday', addDays(today, -1), 'late'],
    ['Undated', null, 'undated'],
    ['Today', today, 'today'],
    ['Last week', addDays(today, -7), 'late'],
    ['Tomorrow', tomorrow, tomorrowGroup],
    ['Next week', addDays(weekEnd, 2), 'later'],
    ['Today too', today, 'today'],
    ['Two days ago', addDays(today, -2), 'late'],
    ['Week after', addDays(weekEnd, 8), 'later'],
    ['Also undated', null, 'undated'],
    ['Long ago', addDays(today, -40), 'late'],
  ];
  for (const [title, dueDate] of plan) await task({ title: `${title} ${tag}`, dueDate, estimateHours: 4 });
  await task({ title: `Finished ${tag}`, dueDate: addDays(today, -3), status: 'done' });

  // The browser's own date is not the agency's: grouping by it would put today's work under "late" or "this week".
  const spec = await signedInElsewhere(browser, seo.email);
  await expect(spec).toHaveURL(/\/my-work$/);
  const groups = spec.locator('tbody[data-testid^="work-"]');
  const expected = ['late', 'today', ...(tomorrowGroup === 'thisWeek' ? ['thisWeek'] : []), 'later', 'undated'];
  await expect(groups).toHaveCount(expected.length);
  expect(await groups.evaluateAll((els) => els.map((el) => el.getAttribute('data-testid')))).toEqual(expected.map((g) => `work-${g}`));

  const inGroup = (group: string) =>
    spec
      .getByTestId(`work-${group}`)
      .getByTestId('my-task')
      .evaluateAll((rows) => rows.map((row) => row.querySelector('a')!.textContent));
  const named = (...titles: string[]) => titles.map((x) => `${x} ${tag}`);
  expect(await inGroup('late')).toEqual(named('Long ago', 'Last week', 'Two days ago', 'Yesterday'));
  // Tasks due the same day come by title.
  expect(await inGroup('today')).toEqual(named('Today', 'Today too').sort());
  expect(await inGroup('later')).toEqual(
    named(...(tomorrowGroup === 'later' ? ['Tomorrow'] : []), 'Next week', 'Week after', 'Next month'),
  );
  if (tomorrowGroup === 'thisWeek') expect(await inGroup('thisWeek')).toEqual(named('Tomorrow'));
  expect((await inGroup('undated')).sort()).toEqual(named('Also undated', 'Undated').sort());
  await expect(spec.getByTestId('work-late').locator('th')).toHaveText('Late · 4');

  // "Late" is what the server reports late for this specialist.
  const report = await api.get<{ lateTasks: { title: string; assigneeId: string }[] }>('/reports/delivery');
  const serverLate = report.lateTasks.filter((x) => x.assigneeId === seo.id).map((x) => x.title);
  expect(serverLate.sort()).toEqual((await inGroup('late')).sort());

  // A dozen tasks in compact rows, not cards: each row is one line high (two at most).
  const heights = await spec.getByTestId('my-task').evaluateAll((rows) => rows.map((row) => row.getBoundingClientRect().height));
  expect(heights).toHaveLength(12);
  expect(Math.max(...heights)).toBeLessThan(60);

  // Done work shows in its own group at the end when asked for.
  await spec.getByLabel('Show', { exact: true }).selectOption('all');
  await expect(groups.last()).toHaveAttribute('data-testid', 'work-done');
  expect(await inGroup('done')).toEqual(named('Finished'));

  // In Russian: the groups, and the task page they lead to.
  await spec.getByRole('combobox', { name: 'Language' }).selectOption('ru');
  await expect(spec.getByTestId('work-late').locator('th')).toHaveText('Просроченные · 4');
  await expect(spec.getByTestId('work-done').locator('th')).toHaveText('Выполненные · 1');
  await expect(spec.getByTestId('work-undated').locator('th')).toHaveText('Без срока · 2');
  await spec.getByRole('link', { name: `Yesterday ${tag}` }).click();
  await expect(spec.getByRole('region', { name: 'Сведения' })).toContainText('Просрочена');
  await expect(spec.getByRole('region', { name: 'История' }).getByTestId('history-entry')).toContainText('Создана');
  await expect(spec.getByRole('region', { name: 'Учёт времени' })).toContainText('Время пока не учтено.');
  await spec.context().close();
});

test.describe('the task page has no critical or serious accessibility violations', () => {
  for (const scheme of ['light', 'dark'] as const) {
    test(`task page, its edit page and My work in the ${scheme} theme`, async ({ page, browser }) => {
      await page.emulateMedia({ colorScheme: scheme });
      await page.addInitScript((s) => localStorage.setItem('liaison.color-scheme', s), scheme);
      const tag = unique();
      const { seo, milestone, task } = await createProjectTeam(page, tag);
      const audit = await milestone('Audit', '2020-01-31');
      const title = `Axe task ${tag}`;
      const created = await task({
        title,
        milestoneId: audit.id,
        dueDate: '2020-01-20',
        estimateHours: 8,
        status: 'blocked',
        blockedReason: 'No access',
      });
      const api = apiAs(page.request);
      await api.post(`/tasks/${created.id}/comments`, { body: 'Asked for access' });
      await api.patch(`/tasks/${created.id}`, { spentHours: 1.5 }, created.version);

      for (const [url, heading] of [
        [`/tasks/${created.id}`, title],
        [`/tasks/${created.id}/edit`, `Edit ${title}`],
      ]) {
        await page.goto(url);
        await expect(page.getByRole('heading', { level: 1, name: heading })).toBeVisible();
        await expect(page.getByLabel('Loading…')).toHaveCount(0);
        await expectAccessible(page);
      }
      await page.goto(`/tasks/${created.id}`);
      await page.getByRole('button', { name: 'Delete' }).click();
      // Scanned once it has faded in: half-transparent text would read as poor contrast.
      await expect(page.getByRole('dialog')).toHaveCSS('opacity', '1');
      await expectAccessible(page);
      await page.keyboard.press('Escape');

      const spec = await signedInPage(browser, seo.email);
      await spec.emulateMedia({ colorScheme: scheme });
      await spec.evaluate((s: string) => localStorage.setItem('liaison.color-scheme', s), scheme);
      for (const [url, heading] of [
        ['/my-work', 'My work'],
        [`/tasks/${created.id}`, title],
      ]) {
        await spec.goto(url);
        await expect(spec.getByRole('heading', { level: 1, name: heading })).toBeVisible();
        await expect(spec.getByLabel('Loading…')).toHaveCount(0);
        await expectAccessible(spec);
      }
      await spec.context().close();
    });
  }
});
