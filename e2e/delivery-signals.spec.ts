import { test, expect } from '@playwright/test';
import { apiAs, expectAccessible, unique } from './fixtures';

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
