import { test, expect, type Page } from '@playwright/test';
import { apiAs, expectAccessible, signedInPage, unique } from './fixtures';

interface Created {
  id: string;
  version: number;
}

test('a plan and a requirement waiting for the client say so, and the manager reminds the client in one click', async ({
  page,
  request,
}) => {
  const api = apiAs(request);
  const tag = unique();
  const account = await api.createAccount(`Waiting Client ${tag}`);
  await api.createContact(account.id, 'Olga', { email: `olga.${tag}@client.test`, portalAccess: true });
  const project = await api.post<Created>('/projects', { accountId: account.id, name: `Relaunch ${tag}`, kind: 'design' });
  await api.post('/milestones', { projectId: project.id, title: 'Prototype', dueDate: '2030-02-01' });
  await api.post(`/projects/${project.id}/plan/submit`, {});
  await api.post('/requirements', { projectId: project.id, party: 'company', text: 'Access to the CMS' });

  await page.goto(`/projects/${project.id}`);
  await page.getByRole('tab', { name: 'Work plan' }).click();
  const plan = page.getByTestId('plan-status');
  await expect(plan.getByTestId('client-waiting')).toHaveText('Waiting for the client 0 days');
  await plan.getByRole('button', { name: 'Remind the client' }).click();
  await expect(page.getByText(`Reminder sent to olga.${tag}@client.test`)).toBeVisible();
  await expectAccessible(page);

  await page.getByRole('tab', { name: 'Requirements' }).click();
  const requirement = page.getByTestId('requirement').filter({ hasText: 'Access to the CMS' });
  await expect(requirement.getByTestId('client-waiting')).toHaveText('Waiting for the client 0 days');
  // Once a day per project: a second reminder today says so instead of sending again.
  await page.getByRole('button', { name: 'Remind the client' }).click();
  await expect(page.getByText('The client was already reminded about this project today.')).toBeVisible();
});

/** A project with its account, moved through `stages` (as the demo's finished projects were), due long ago. */
async function pastDueProject(api: ReturnType<typeof apiAs>, accountId: string, name: string, stages: string[]) {
  let project = await api.post<Created>('/projects', { accountId, name, kind: 'seo', stage: 'planning', dueDate: '2020-03-31' });
  for (const stage of stages) project = await api.patch<Created>(`/projects/${project.id}`, { stage }, project.version);
  return project;
}

/** The portfolio card of a project (the admin's portfolio covers every project). */
const cardOf = (page: Page, name: string) => page.getByTestId('portfolio-project').filter({ hasText: name });

test('a closed or delivered project past its due date is not late; one still in progress is, on every page', async ({ page }) => {
  const api = apiAs(page.request);
  const tag = unique();
  const account = await api.createAccount(`Finished Works ${tag}`);
  const closed = `Closed Relaunch ${tag}`;
  const delivered = `Delivered Audit ${tag}`;
  const running = `Running Campaign ${tag}`;
  const closedProject = await pastDueProject(api, account.id, closed, ['closed']);
  await pastDueProject(api, account.id, delivered, ['in_progress', 'review', 'delivered']);
  const runningProject = await pastDueProject(api, account.id, running, ['in_progress']);

  await page.goto('/portfolio');
  await expect(cardOf(page, running).getByTestId('late-project')).toHaveText('Late');
  await expect(cardOf(page, closed)).toBeVisible();
  await expect(cardOf(page, closed).getByTestId('late-project')).toHaveCount(0);
  await expect(cardOf(page, delivered).getByTestId('late-project')).toHaveCount(0);

  await page.goto(`/projects?q=${tag}`);
  const row = (name: string) => page.getByRole('row').filter({ hasText: name });
  await expect(row(running).getByTestId('late-project')).toBeVisible();
  await expect(row(closed)).toBeVisible();
  await expect(row(closed).getByTestId('late-project')).toHaveCount(0);

  await page.goto(`/projects/${closedProject.id}`);
  await expect(page.getByRole('heading', { level: 1, name: closed })).toBeVisible();
  await expect(page.getByTestId('late-project')).toHaveCount(0);
  await page.goto(`/projects/${runningProject.id}`);
  await expect(page.getByRole('heading', { level: 1, name: running })).toBeVisible();
  await expect(page.getByTestId('late-project')).toHaveText('Late');
});

test('a milestone past its date and not done reads as late on the plan tab and the portfolio, until it is done', async ({ page }) => {
  const api = apiAs(page.request);
  const tag = unique();
  const account = await api.createAccount(`Milestone Client ${tag}`);
  const name = `Slipping Plan ${tag}`;
  const project = await api.post<Created>('/projects', { accountId: account.id, name, kind: 'design', stage: 'planning' });
  await api.post('/milestones', { projectId: project.id, title: 'Wireframes', dueDate: '2020-02-01' });
  await api.post('/milestones', { projectId: project.id, title: 'Launch', dueDate: '2031-06-30' });

  await page.goto(`/projects/${project.id}?tab=plan`);
  const milestone = (title: string) => page.getByTestId('milestone').filter({ hasText: title });
  await expect(milestone('Wireframes').getByTestId('late-milestone')).toHaveText('Late');
  await expect(milestone('Launch')).toBeVisible();
  await expect(milestone('Launch').getByTestId('late-milestone')).toHaveCount(0);
  await expectAccessible(page);

  await page.goto('/portfolio');
  const next = cardOf(page, name).getByTestId('next-milestone');
  await expect(next).toContainText('Next: Wireframes');
  await expect(next.getByTestId('late-milestone')).toHaveText('Late');

  // Done, it is no longer late, and the next one (not due yet) is not either.
  await page.goto(`/projects/${project.id}?tab=plan`);
  await page.getByRole('button', { name: 'Edit Wireframes' }).click();
  await page.getByRole('dialog').getByLabel('Status').selectOption({ label: 'Done' });
  await page.getByRole('dialog').getByRole('button', { name: 'Save' }).click();
  await expect(milestone('Wireframes').getByTestId('late-milestone')).toHaveCount(0);
  await page.goto('/portfolio');
  await expect(cardOf(page, name).getByTestId('next-milestone')).toContainText('Next: Launch');
  await expect(cardOf(page, name).getByTestId('late-milestone')).toHaveCount(0);
});

test('a rouble project’s budget is priced in roubles: without a rouble rate the portfolio says so, with one it counts', async ({
  page,
}) => {
  const api = apiAs(page.request);
  const tag = unique();
  const seo = await api.createUser('specialist', `Rouble Seo ${tag}`, { specialties: ['seo'] });
  const account = await api.createAccount(`Рога и копыта ${tag}`, { currency: 'RUB' });
  const name = `Продвижение ${tag}`;
  const project = await api.post<Created>('/projects', {
    accountId: account.id,
    name,
    kind: 'seo',
    stage: 'planning',
    budgetMinor: 6_300_000,
  });
  await api.post('/tasks', {
    projectId: project.id,
    title: 'Семантическое ядро',
    assigneeId: seo.id,
    role: 'seo',
    estimateHours: 10,
    spentHours: 4,
  });

  await page.goto('/portfolio');
  const card = cardOf(page, name);
  await expect(card.getByTestId('missing-rates')).toHaveText('No rate in RUB for SEO specialist, so the budget used is unknown.');
  await expect(card).toContainText('Budget RUB 63,000.00');
  await expect(card).not.toContainText('of RUB 63,000.00 used');
  await expectAccessible(page);

  // The admin gives SEO a rouble rate in the rate table: a column per currency in use.
  await page.goto('/settings/delivery');
  const rates = page.getByRole('form', { name: 'Specialist roles and rates' });
  await expect(rates.getByRole('columnheader', { name: 'RUB' })).toBeVisible();
  await rates.getByLabel('Rate of SEO specialist in RUB').fill('4500');
  await rates.getByRole('button', { name: 'Save' }).click();
  await expect(page.getByText('Roles and rates saved.')).toBeVisible();
  await expect(rates.getByLabel('Rate of SEO specialist in RUB')).toHaveValue('4500.00');
  await expect(rates.getByLabel('Rate of SEO specialist in EUR')).toHaveValue('60.00');
  await expectAccessible(page);

  await page.goto('/portfolio');
  await expect(cardOf(page, name)).toContainText('RUB 18,000.00 of RUB 63,000.00 used');
  await expect(cardOf(page, name).getByTestId('missing-rates')).toHaveCount(0);
});

test('a manager switches delivery and portfolio between their own accounts and all they can see; the filter offers only whom they see', async ({
  page,
  browser,
}) => {
  const api = apiAs(page.request);
  const tag = unique();
  const seo = await api.createUser('specialist', `Scope Seo ${tag}`);
  const mia = await api.createUser('account_manager', `Mia Mine ${tag}`);
  const otto = await api.createUser('account_manager', `Otto Other ${tag}`);
  const lone = await api.createUser('account_manager', `Lone Ranger ${tag}`);
  const own = await api.createAccount(`Own Client ${tag}`, { ownerId: mia.id });
  const backedUp = await api.createAccount(`Backed Client ${tag}`, { ownerId: otto.id, backupOwnerId: mia.id });
  await api.createAccount(`Lone Client ${tag}`, { ownerId: lone.id });
  const projects = { own: `Own Site ${tag}`, backedUp: `Backed Site ${tag}` };
  for (const [accountId, name] of [
    [own.id, projects.own],
    [backedUp.id, projects.backedUp],
  ]) {
    const p = await api.post<Created>('/projects', { accountId, name, kind: 'seo', stage: 'planning' });
    await api.post('/tasks', {
      projectId: p.id,
      title: `Blocked on ${name}`,
      assigneeId: seo.id,
      status: 'blocked',
      blockedReason: 'No access',
    });
  }

  const mgr = await signedInPage(browser, mia.email);
  const scope = mgr.getByRole('radiogroup', { name: 'Projects' });
  const cards = mgr.getByTestId('portfolio-project');

  // Mine by default: only her own account's project, and no manager to choose.
  await mgr.goto('/portfolio');
  await expect(scope.getByRole('radio', { name: 'Mine' })).toBeChecked();
  await expect(cards.filter({ hasText: projects.own })).toBeVisible();
  await expect(cards.filter({ hasText: projects.backedUp })).toHaveCount(0);
  await expect(mgr.getByLabel('Account manager')).toHaveCount(0);

  // All she can see: the account she backs up too, and a filter of just its owner and herself.
  await scope.getByText('All I can see').click();
  await expect(mgr).toHaveURL(/scope=all/);
  await expect(cards.filter({ hasText: projects.backedUp })).toBeVisible();
  await expect(cards.filter({ hasText: projects.own })).toBeVisible();
  const owners = mgr.getByLabel('Account manager');
  await expect(owners.locator('option')).toHaveText(['Any account manager', mia.name, otto.name]);
  await owners.selectOption({ label: otto.name });
  await expect(mgr).toHaveURL(new RegExp(`ownerId=${otto.id}`));
  await expect(cards.filter({ hasText: projects.own })).toHaveCount(0);
  await expect(cards.filter({ hasText: projects.backedUp })).toBeVisible();
  await expectAccessible(mgr);

  // The choice is in the URL: a reload keeps it.
  await mgr.reload();
  await expect(scope.getByRole('radio', { name: 'All I can see' })).toBeChecked();
  await expect(mgr.getByLabel('Account manager')).toHaveValue(otto.id);

  // Delivery covers the same projects, with the same switch.
  const blocked = (name: string) => mgr.getByTestId('task-row').filter({ hasText: `Blocked on ${name}` });
  await mgr.goto('/delivery');
  await expect(scope.getByRole('radio', { name: 'Mine' })).toBeChecked();
  await expect(blocked(projects.own)).toBeVisible();
  await expect(blocked(projects.backedUp)).toHaveCount(0);
  await scope.getByText('All I can see').click();
  await expect(blocked(projects.backedUp)).toBeVisible();
  await expect(blocked(projects.own)).toBeVisible();
  await mgr.context().close();

  // A manager who sees only their own accounts is offered nobody else.
  const alone = await signedInPage(browser, lone.email);
  await alone.goto('/portfolio?scope=all');
  await expect(alone.getByRole('radiogroup', { name: 'Projects' }).getByRole('radio', { name: 'All I can see' })).toBeChecked();
  await expect(alone.getByRole('heading', { level: 1, name: 'Portfolio' })).toBeVisible();
  await expect(alone.getByTestId('portfolio-project').filter({ hasText: tag })).toHaveCount(0);
  await expect(alone.getByLabel('Account manager')).toHaveCount(0);
  await alone.context().close();
});

test.describe('the delivery signals have no critical or serious accessibility violations', () => {
  for (const scheme of ['light', 'dark'] as const) {
    test(`late badges, missing rates and the scope switch in the ${scheme} theme, in English and Russian`, async ({ page }) => {
      await page.emulateMedia({ colorScheme: scheme });
      await page.addInitScript((s) => localStorage.setItem('liaison.color-scheme', s), scheme);
      const api = apiAs(page.request);
      const tag = unique();
      const seo = await api.createUser('specialist', `Axe Seo ${tag}`, { specialties: ['seo'] });
      const account = await api.createAccount(`Axe Signals ${tag}`, { currency: 'JPY' });
      const name = `Axe Late ${tag}`;
      const project = await pastDueProject(api, account.id, name, ['in_progress']);
      await api.post('/milestones', { projectId: project.id, title: 'Overdue phase', dueDate: '2020-01-15' });
      await api.post('/tasks', {
        projectId: project.id,
        title: `Late work ${tag}`,
        assigneeId: seo.id,
        role: 'seo',
        dueDate: '2020-01-10',
        spentHours: 1,
      });

      for (const language of ['en', 'ru'] as const) {
        const me = await api.get<{ user: { id: string; version: number } }>('/auth/me');
        await api.patch(`/users/${me.user.id}`, { language }, me.user.version);
        await page.goto('/portfolio');
        const card = cardOf(page, name);
        await expect(card.getByTestId('late-project')).toHaveText(language === 'en' ? 'Late' : 'Просрочен');
        await expect(card.getByTestId('late-milestone')).toHaveText(language === 'en' ? 'Late' : 'Просрочена');
        await expect(card.getByTestId('missing-rates')).toContainText(language === 'en' ? 'No rate in JPY' : 'Нет ставки в JPY');
        await expectAccessible(page);
        await page.goto(`/projects/${project.id}?tab=plan`);
        await expect(page.getByTestId('milestone').getByTestId('late-milestone')).toBeVisible();
        await expectAccessible(page);
        await page.goto('/delivery');
        await expect(
          page
            .getByTestId('task-row')
            .filter({ hasText: `Late work ${tag}` })
            .getByTestId('late-task'),
        ).toBeVisible();
        await expectAccessible(page);
        await page.goto('/settings/delivery');
        await expect(page.getByTestId('role-rates')).toBeVisible();
        await expectAccessible(page);
      }
      const me = await api.get<{ user: { id: string; version: number } }>('/auth/me');
      await api.patch(`/users/${me.user.id}`, { language: 'en' }, me.user.version);
    });
  }
});
