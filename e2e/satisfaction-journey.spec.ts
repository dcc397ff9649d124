/**
 * The satisfaction journey end to end: the manager marks a milestone done and the client is asked
 * about it by email; the project is delivered and the client answers the NPS survey with a 4 from
 * the emailed link, without signing in; the owner is emailed at once and finds the claim the answer
 * opened (the follow-up the administrator chose), resolves it with its root cause, opens a
 * corrective action and records its check; the cooperation analysis shows the detractor and the
 * claim. Emails must really go out, so this runs against a server of its own with an SMTP sink.
 */
import { test, expect } from '@playwright/test';
import { apiAs, PASSWORD, unique } from './fixtures';
import { useMailingServer } from './mailing-server';

const ADMIN = { email: 'journey.admin@example.test', password: 'Coral-Harbour-Lantern-52' };

test.describe.configure({ mode: 'serial' });

const server = useMailingServer('liaison-satisfaction-journey-', ADMIN);

/** A manager's active account with one contact, and its project in review with a milestone still to finish. */
async function projectInReview(tag: string) {
  const context = await server.adminContext();
  const api = apiAs(context);
  const manager = await api.createUser('account_manager', `Mila Manager ${tag}`);
  const account = await api.createAccount(`Harbour Foods ${tag}`, { ownerId: manager.id, status: 'active' });
  const contactEmail = `nina.${tag}@client.test`;
  await api.createContact(account.id, 'Nina', { lastName: 'Client', email: contactEmail });
  let project = await api.post<{ id: string; version: number; name: string }>('/projects', {
    accountId: account.id,
    name: `Site audit ${tag}`,
    kind: 'seo',
    stage: 'planning',
  });
  for (const stage of ['in_progress', 'review']) project = await api.patch(`/projects/${project.id}`, { stage }, project.version);
  await api.post('/milestones', { projectId: project.id, title: 'Technical audit', dueDate: '2030-04-01' });
  await context.dispose();
  return { manager, account, contactEmail, project };
}

/** The link of the survey emailed to `to` that asks `question` (the first words that tell the kinds apart). */
const surveyLink = (to: string, question: string) =>
  server.matchEmailedTo(to, new RegExp(`${question}[\\s\\S]*?(https?://\\S+/s/[\\w-]+)`));

test('a milestone done asks the client; an NPS of 4 becomes a claim, its root cause, a corrective action and the analysis', async ({
  browser,
}) => {
  test.slow(); // three people, a dozen pages and three emails
  const tag = unique();
  const { manager, account, contactEmail, project } = await projectInReview(tag);

  // The administrator has every low answer open a claim draft, and lets the agency ask after each step.
  const admin = await server.signedIn(browser, ADMIN.email, ADMIN.password);
  await admin.goto('/settings/surveys');
  await admin.getByRole('textbox', { name: 'Ask a contact at most once in (days)' }).fill('0');
  await admin.getByRole('radio', { name: 'Open a claim draft' }).check();
  await admin.getByRole('button', { name: 'Save' }).click();
  await expect(admin.getByText('Survey settings saved')).toBeVisible();
  await admin.context().close();

  // The manager marks the milestone done: the client is asked how satisfied they are with the project.
  const mgr = await server.signedIn(browser, manager.email, PASSWORD);
  await mgr.goto(`/projects/${project.id}?tab=plan`);
  await mgr.getByRole('button', { name: 'Edit Technical audit' }).click();
  await mgr.getByRole('dialog').getByLabel('Status').selectOption({ label: 'Done' });
  await mgr.getByRole('dialog').getByRole('button', { name: 'Save' }).click();
  await expect(mgr.getByTestId('milestone').filter({ hasText: 'Technical audit' })).toContainText('Done');
  const client = await server.visitor(browser, { width: 375, height: 812 });
  await client.goto(await surveyLink(contactEmail, `How satisfied are you with our work on ${project.name}`));
  await expect(client.getByRole('radiogroup', { name: `How satisfied are you with our work on ${project.name}?` })).toBeVisible();
  await client.getByRole('radio', { name: '4', exact: true }).check();
  await client.getByRole('button', { name: 'Send my answer' }).click();
  await expect(client.getByTestId('survey-thanks')).toBeVisible();

  // Delivered, the project asks for the recommendation too; the client answers 4 from the link.
  await mgr.getByRole('button', { name: 'Change stage' }).click();
  await mgr.getByRole('menuitem', { name: 'Delivered' }).click();
  await expect(mgr.getByText('The project is now in “Delivered”.')).toBeVisible();
  await client.goto(await surveyLink(contactEmail, 'How likely are you to recommend'));
  await expect(client.getByRole('radiogroup', { name: /How likely are you to recommend/ })).toBeVisible();
  await client.getByRole('radio', { name: '4', exact: true }).check();
  await client.getByRole('textbox', { name: /main reason/ }).fill(`The audit came two weeks late (${tag})`);
  await client.getByRole('button', { name: 'Send my answer' }).click();
  await expect(client.getByTestId('survey-thanks')).toBeVisible();

  // The owner is emailed at once; the email's link opens the account's surveys with the answer.
  expect(await server.matchEmailedTo(manager.email, /Low score from [^\n]+: NPS 4/)).toBe(`Low score from ${account.name}: NPS 4`);
  const alertLink = await server.matchEmailedTo(manager.email, /https?:\/\/\S+\/accounts\/[\w-]+\?tab=surveys/);
  await mgr.goto(alertLink);
  const nps = mgr.getByTestId('survey-row').filter({ hasText: 'NPS' });
  await expect(nps).toContainText('4 (low)');
  await expect(nps).toContainText(`The audit came two weeks late (${tag})`);

  // The answer opened a claim: the manager works it to a resolution with its root cause.
  await mgr.getByRole('tab', { name: 'Claims' }).click();
  const row = mgr.getByTestId('claim-row').filter({ hasText: 'NPS survey answer: 4 of 10.' });
  await expect(row).toContainText('from a survey');
  await expect(row.getByTestId('claim-severity')).toHaveText('Medium');
  await row.getByRole('link').click();
  await expect(mgr.getByRole('heading', { level: 1, name: 'Claim' })).toBeVisible();
  const details = mgr.getByTestId('claim-details');
  await expect(details).toContainText(`The audit came two weeks late (${tag})`);
  await mgr.getByRole('button', { name: 'Move' }).click();
  let move = mgr.getByRole('dialog', { name: 'Move the claim' });
  await expect(move.getByLabel('New status')).toHaveValue('in_progress');
  await move.getByRole('button', { name: 'Move' }).click();
  await expect(details.getByTestId('claim-status')).toHaveText('In progress');
  await mgr.getByRole('button', { name: 'Move' }).click();
  move = mgr.getByRole('dialog', { name: 'Move the claim' });
  await expect(move.getByLabel('New status')).toHaveValue('resolved');
  await move.getByRole('combobox', { name: 'Root cause' }).selectOption({ label: 'Underestimated work' });
  await move.getByLabel('What the root cause was').fill('The audit was planned at half the hours it took');
  await move.getByLabel('Resolution for the client').fill('We delivered the audit and now plan audits from past hours.');
  await move.getByRole('button', { name: 'Move' }).click();
  await expect(details.getByTestId('claim-status')).toHaveText('Resolved');
  await expect(details).toContainText('Underestimated work');

  // A corrective action for it, and its effectiveness check.
  const what = `Plan audits from the hours past audits took (${tag})`;
  const actions = mgr.getByRole('region', { name: 'Corrective actions' });
  await actions.getByRole('button', { name: 'New corrective action' }).click();
  const open = mgr.getByRole('dialog', { name: 'New corrective action' });
  await open.getByLabel('What will change').fill(what);
  await open.getByLabel('Due').fill('2027-01-15');
  await open.getByLabel('Check on').fill('2027-03-01');
  await open.getByRole('button', { name: 'Open' }).click();
  await expect(mgr.getByRole('heading', { level: 1, name: 'Corrective action' })).toBeVisible();
  await expect(mgr.getByTestId('corrective-action-details')).toContainText(what);
  const check = mgr.getByRole('region', { name: 'Effectiveness check' });
  await expect(check.getByTestId('check-figures')).toContainText('0 claims');
  await check.getByRole('button', { name: 'Record check' }).click();
  const record = mgr.getByRole('dialog', { name: 'Effectiveness check' });
  await record.getByLabel('Effective: it can close').check();
  await record.getByLabel('What the check found').fill('No audit has run late since');
  await record.getByRole('button', { name: 'Record check' }).click();
  await expect(mgr.getByText('Check recorded')).toBeVisible();
  await expect(mgr.getByTestId('corrective-action-details')).toContainText('Checked: effective');

  // The cooperation analysis of the manager's accounts: the detractor and the claim, in charts and tables.
  await mgr.goto('/satisfaction-report');
  await expect(mgr.getByRole('heading', { level: 1, name: 'Cooperation analysis' })).toBeVisible();
  const trend = mgr.getByTestId('nps');
  await expect(trend.locator('figure .recharts-surface').first()).toBeVisible();
  await expect(mgr.getByTestId('nps-total')).toHaveText('-100');
  const month = trend.getByTestId('nps-row').last();
  await expect(month.getByRole('cell')).toHaveText([/\w+ \d{4}/, '0', '0', '1', '1', '-100']);
  await month.getByRole('button', { name: '1' }).click();
  const answers = mgr.getByRole('dialog', { name: /^NPS answers of / });
  await expect(answers.getByTestId('drill-record')).toHaveCount(1);
  await expect(answers.getByTestId('drill-record')).toContainText(`The audit came two weeks late (${tag})`);
  await mgr.keyboard.press('Escape');
  await expect(answers).toBeHidden();

  await expect(mgr.getByTestId('pareto-category-row')).toHaveText([/^Quality\s*1/]);
  await expect(mgr.getByTestId('pareto-cause-row')).toHaveText([/^Underestimated work\s*1/]);
  await expect(mgr.getByTestId('cause').filter({ hasText: 'Underestimated work' })).toBeVisible();
  await mgr.getByTestId('pareto-cause').locator('figure .recharts-bar-rectangle path').first().click();
  const claims = mgr.getByRole('dialog', { name: 'Claims: Underestimated work' });
  await expect(claims.getByTestId('drill-record')).toHaveCount(1);
  await expect(claims.getByTestId('drill-record')).toContainText('NPS survey answer: 4 of 10.');
  await claims.getByTestId('drill-record').getByRole('link').click();
  await expect(mgr).toHaveURL(/\/claims\/[^/]+$/);
  await expect(mgr.getByTestId('claim-details').getByTestId('claim-status')).toHaveText('Resolved');
});
