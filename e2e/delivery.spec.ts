import { test, expect, type Page } from '@playwright/test';
import { apiAs, expectAccessible, pickUser, signedInPage, unique } from './fixtures';

interface Team {
  manager: { id: string; email: string };
  seo: { id: string; email: string; name: string };
  designer: { id: string; email: string; name: string };
  account: { id: string; name: string };
}

/** An account manager with an account of their own, and two specialists to give work to. */
async function createTeam(page: Page, tag: string): Promise<Team> {
  const api = apiAs(page.request);
  const manager = await api.createUser('account_manager', `Manager ${tag}`);
  const seo = await api.createUser('specialist', `Seo Specialist ${tag}`, { specialties: ['seo'] });
  const designer = await api.createUser('specialist', `Designer ${tag}`, { specialties: ['designer'] });
  const account = await api.createAccount(`Delivery Client ${tag}`, { ownerId: manager.id, currency: 'EUR' });
  return { manager, seo, designer, account };
}

/** A field's whole label, whether or not it carries the "required" asterisk. */
const labelled = (label: string) => new RegExp(`^${label.replace(/[()]/g, '\\$&')}( \\*)?$`);

/** Fills a form's fields by label: inputs take text, selects take the option's label. */
async function fill(page: Page, form: string, fields: Record<string, string>, selects: Record<string, string> = {}) {
  const scope = page.getByRole('form', { name: form });
  for (const [label, value] of Object.entries(fields)) await scope.getByLabel(labelled(label)).fill(value);
  for (const [label, value] of Object.entries(selects)) await scope.getByLabel(labelled(label)).selectOption({ label: value });
  return scope;
}

test('a manager plans a project with the client and assigns it; a specialist finishes a task; the portfolio shows it', async ({
  page,
  browser,
}) => {
  const tag = unique();
  const { manager, seo, designer, account } = await createTeam(page, tag);
  const projectName = `Spring SEO ${tag}`;
  const mgr = await signedInPage(browser, manager.email);
  await expect(mgr).toHaveURL(/\/today$/);

  // Start the project from the account's page.
  await mgr.goto(`/accounts/${account.id}`);
  await mgr.getByRole('tab', { name: 'Projects' }).click();
  await mgr.getByRole('region', { name: 'Projects' }).getByRole('link', { name: 'New project' }).click();
  await expect(mgr.getByRole('heading', { level: 1, name: 'New project' })).toBeVisible();
  await mgr.getByRole('button', { name: 'Save' }).click();
  await expect(mgr.getByText('Enter the project name')).toBeVisible();
  await mgr.getByLabel('Name').fill(projectName);
  await mgr.getByLabel('Kind of work').selectOption('seo');
  await mgr.getByLabel('Stage').selectOption('planning');
  await mgr.getByLabel('Start date').fill('2030-01-10');
  await mgr.getByLabel('Due date').fill('2030-04-30');
  // exact: the report schedule's checkbox also speaks of the budget
  await mgr.getByLabel('Budget', { exact: true }).fill('12000');
  await mgr.getByRole('button', { name: 'Save' }).click();
  await expect(mgr.getByRole('heading', { level: 1, name: projectName })).toBeVisible();
  await expect(mgr.getByText('€12,000.00')).toBeVisible();

  // The work plan: two milestones, then sent to the client.
  const plan = mgr.getByTestId('plan-status');
  await expect(plan).toContainText('Draft');
  for (const [title, due] of [
    ['Audit', '2030-01-31'],
    ['Content plan', '2030-03-15'],
  ]) {
    await (await fill(mgr, 'Add milestone', { Milestone: title, Due: due })).getByRole('button', { name: 'Add milestone' }).click();
    await expect(mgr.getByTestId('milestone').filter({ hasText: title })).toBeVisible();
  }

  // Requirements of both parties; one agreed on the client's behalf, then changed into a change request.
  await mgr.getByRole('tab', { name: 'Requirements' }).click();
  for (const [party, text] of [
    ['Client', 'Top 10 for “flower delivery”'],
    ['Agency', 'A report every Monday'],
  ]) {
    await (
      await fill(mgr, 'Add requirement', { Requirement: text }, { 'Whose requirement': party })
    )
      .getByRole('button', { name: 'Add requirement' })
      .click();
    await expect(mgr.getByTestId('requirement').filter({ hasText: text })).toBeVisible();
  }
  const clientReq = mgr.getByTestId('requirement').filter({ hasText: 'flower delivery' });
  await clientReq.getByRole('button', { name: 'Agree' }).click();
  const agreeDialog = mgr.getByRole('dialog', { name: 'Record that the client agreed' });
  await agreeDialog.getByRole('button', { name: 'Agree' }).click();
  await expect(agreeDialog.getByText('Say how the client decided')).toBeVisible();
  await agreeDialog.getByLabel('How did the client decide?').fill('Agreed in the kick-off meeting');
  await agreeDialog.getByRole('button', { name: 'Agree' }).click();
  await expect(clientReq).toContainText('Agreed by Manager');
  await clientReq.getByRole('button', { name: 'Change' }).click();
  await clientReq.getByRole('textbox', { name: 'Requirement', exact: true }).fill('Top 5 for “flower delivery” in Moscow');
  await clientReq.getByLabel('Reason for the change').fill('The client narrowed the goal');
  await clientReq.getByRole('button', { name: 'Save' }).click();
  const changed = mgr.getByTestId('requirement').filter({ hasText: 'Top 5' });
  await expect(changed).toContainText('Changed');
  await expect(changed.getByTestId('requirement-change').last()).toContainText('Before: Top 10 for “flower delivery”');

  await mgr.getByRole('tab', { name: 'Work plan' }).click();
  await mgr.getByRole('button', { name: 'Send for approval' }).click();
  await expect(plan).toContainText('Awaiting approval');

  // Tasks for two specialists.
  await mgr.getByRole('tab', { name: 'Tasks' }).click();
  const tasks = [
    { title: `Technical audit ${tag}`, who: seo.name, estimate: '16' },
    { title: `Keyword research ${tag}`, who: seo.name, estimate: '24' },
    { title: `Landing page mock-up ${tag}`, who: designer.name, estimate: '12' },
  ];
  for (const task of tasks) {
    const form = await fill(
      mgr,
      'Assign a task',
      { Task: task.title, Due: '2030-01-25', 'Estimate (hours)': task.estimate },
      { Milestone: 'Audit' },
    );
    await pickUser(mgr, form.getByLabel(labelled('Specialist')), task.who);
    await form.getByRole('button', { name: 'Assign' }).click();
    await expect(form.getByRole('status')).toHaveText(`“${task.title}” was assigned to ${task.who}.`);
    await expect(mgr.getByTestId('task-row').filter({ hasText: task.title })).toContainText(task.who);
  }
  await mgr.getByRole('tab', { name: 'Team' }).click();
  await expect(mgr.getByRole('cell', { name: designer.name, exact: true })).toBeVisible();

  const openCount = async (expected: number) => {
    await mgr.goto('/portfolio');
    const card = mgr.getByTestId('stage-planning').getByTestId('portfolio-project').filter({ hasText: projectName });
    await expect(card).toContainText('Awaiting approval');
    await expect(card).toContainText('Next: Audit');
    await expect(card.getByTestId('open-tasks')).toHaveText(`Open tasks: ${expected}`);
  };
  await openCount(3);

  // The SEO specialist sees only their own tasks, logs time and finishes one.
  const spec = await signedInPage(browser, seo.email);
  await expect(spec).toHaveURL(/\/my-work$/);
  await expect(spec.getByRole('navigation').getByRole('link', { name: 'Accounts' })).toHaveCount(0);
  const mine = spec.getByTestId('my-task');
  await expect(mine).toHaveCount(2);
  await expect(mine.filter({ hasText: tasks[2].title })).toHaveCount(0);
  // Time is logged on the task's own page; the status moves right in the list.
  await mine.getByRole('link', { name: tasks[0].title }).click();
  await expect(spec.getByRole('heading', { level: 1, name: tasks[0].title })).toBeVisible();
  await spec.getByLabel('Hours worked').fill('2.5');
  await spec.getByRole('button', { name: 'Log time' }).click();
  await expect(spec.getByRole('region', { name: 'Details' })).toContainText('2.5 h');
  await spec.goBack();
  const audit = mine.filter({ hasText: tasks[0].title });
  await expect(audit).toContainText('2.5 h / 16 h');
  await audit.getByLabel(`Status of ${tasks[0].title}`).selectOption('done');
  await expect(spec.getByText(`“${tasks[0].title}” is now “Done”.`)).toBeVisible();
  await expect(mine).toHaveCount(1);
  await spec.getByLabel('Show', { exact: true }).selectOption('done');
  await expect(mine.filter({ hasText: tasks[0].title })).toBeVisible();

  await openCount(2);
  await Promise.all([mgr.context().close(), spec.context().close()]);
});

test('a specialist blocks a task with a reason and the manager sees it on the delivery page', async ({ page, browser }) => {
  const tag = unique();
  const { seo, account } = await createTeam(page, tag);
  const api = apiAs(page.request);
  const project = await api.post<{ id: string }>('/projects', { accountId: account.id, name: `Blocked ${tag}`, kind: 'seo' });
  const title = `Needs access ${tag}`;
  await api.post('/tasks', { projectId: project.id, title, assigneeId: seo.id, estimateHours: 4 });

  const spec = await signedInPage(browser, seo.email);
  const card = spec.getByTestId('my-task').filter({ hasText: title });
  await card.getByLabel(`Status of ${title}`).selectOption('blocked');
  const dialog = spec.getByRole('dialog');
  await dialog.getByRole('button', { name: 'Mark as blocked' }).click();
  await expect(dialog.getByText('Say what blocks the task')).toBeVisible();
  await dialog.getByLabel('What blocks the task').fill('No access to the site’s CMS');
  await dialog.getByRole('button', { name: 'Mark as blocked' }).click();
  await expect(card).toContainText('Blocked: No access to the site’s CMS');
  await card.getByRole('link', { name: title }).click();
  await expect(spec.getByTestId('blocked-reason')).toContainText('No access to the site’s CMS');
  await spec.getByLabel('Your comment').fill('Asked the client for a login');
  await spec.getByRole('button', { name: 'Comment', exact: true }).click();
  await expect(spec.getByTestId('comment')).toContainText('Asked the client for a login');
  await spec.context().close();

  await page.goto('/delivery');
  const blocked = page.getByRole('region', { name: /^Blocked/ });
  await expect(blocked.getByTestId('task-row').filter({ hasText: title })).toContainText('No access to the site’s CMS');
});

test('changing a milestone someone else just changed saves nothing and offers a reload', async ({ page }) => {
  const tag = unique();
  const { account } = await createTeam(page, tag);
  const api = apiAs(page.request);
  const project = await api.post<{ id: string }>('/projects', { accountId: account.id, name: `Collision ${tag}`, stage: 'planning' });
  const milestone = await api.post<{ id: string; version: number }>('/milestones', {
    projectId: project.id,
    title: 'Design',
    dueDate: '2030-02-01',
  });

  await page.goto(`/projects/${project.id}?tab=plan`);
  await page.getByRole('button', { name: 'Edit Design' }).click();
  const dialog = page.getByRole('dialog', { name: 'Edit milestone' });
  await api.patch(`/milestones/${milestone.id}`, { title: 'Design and prototype' }, milestone.version);
  await dialog.getByLabel(labelled('Milestone')).fill('Visual design');
  await dialog.getByRole('button', { name: 'Save' }).click();
  await expect(dialog.getByTestId('conflict-alert')).toBeVisible();
  await dialog.getByRole('button', { name: 'Reload the latest version' }).click();
  await expect(dialog.getByLabel(labelled('Milestone'))).toHaveValue('Design and prototype');
});

test.describe('delivery pages have no critical or serious accessibility violations', () => {
  /** Opens a page, waits until it has loaded, and runs axe on it. */
  async function scan(page: Page, url: string, heading: string | RegExp) {
    await page.goto(url);
    await expect(page.getByRole('heading', { level: 1, name: heading })).toBeVisible();
    await expect(page.getByLabel('Loading…')).toHaveCount(0);
    await expectAccessible(page);
  }

  for (const scheme of ['light', 'dark'] as const) {
    test(`manager, admin and specialist pages in the ${scheme} theme`, async ({ page, browser }) => {
      test.slow(); // three people's pages, each scanned by axe
      await page.emulateMedia({ colorScheme: scheme });
      await page.addInitScript((s) => localStorage.setItem('liaison.color-scheme', s), scheme);
      const tag = unique();
      const { seo, account } = await createTeam(page, tag);
      const api = apiAs(page.request);
      const name = `Axe Project ${tag}`;
      const project = await api.post<{ id: string }>('/projects', { accountId: account.id, name, kind: 'design', budgetMinor: 100000 });
      const milestone = await api.post<{ id: string }>('/milestones', { projectId: project.id, title: 'Concept', dueDate: '2020-01-31' });
      await api.post('/requirements', { projectId: project.id, party: 'client', text: 'Works on phones' });
      await api.post('/tasks', {
        projectId: project.id,
        title: `Late task ${tag}`,
        assigneeId: seo.id,
        dueDate: '2020-01-20',
        estimateHours: 60,
        milestoneId: milestone.id,
      });

      await scan(page, '/projects', 'Projects');
      await scan(page, `/projects/new?accountId=${account.id}`, 'New project');
      await page.getByRole('button', { name: 'Save' }).click(); // the form with its errors
      await expectAccessible(page);
      for (const tab of ['brief', 'plan', 'requirements', 'tasks', 'team']) await scan(page, `/projects/${project.id}?tab=${tab}`, name);
      await page.goto(`/projects/${project.id}?tab=plan`);
      await page.getByRole('button', { name: 'Change stage' }).click();
      await expectAccessible(page);
      await page.keyboard.press('Escape');
      await scan(page, `/projects/${project.id}/edit`, `Edit ${name}`);
      await scan(page, '/portfolio', 'Portfolio');
      await scan(page, '/delivery', 'Delivery');
      await scan(page, '/workload', 'Workload');
      await scan(page, '/settings/delivery', 'Delivery settings');

      const spec = await signedInPage(browser, seo.email);
      await expect(spec).toHaveURL(/\/my-work$/);
      await spec.emulateMedia({ colorScheme: scheme });
      await spec.evaluate((s: string) => localStorage.setItem('liaison.color-scheme', s), scheme);
      // The task's own page, with its comments, is scanned in tasks.spec.ts.
      await scan(spec, '/my-work', 'My work');
      await spec.context().close();
    });
  }
});
