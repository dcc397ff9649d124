import { test, expect } from '@playwright/test';
import { apiAs, expectAccessible, signedInPage, unique } from './fixtures';

const dayFromToday = (days: number) => new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10);

test('a manager logs a price objection on a deal, picks the answer that won most, and finds it on the Objections page', async ({
  browser,
  request,
}) => {
  test.slow(); // history through the API, then a journey with axe on the form and the page
  const api = apiAs(request);
  const u = unique();
  const manager = await api.createUser('account_manager', `Objection Handler ${u}`);
  const account = await api.createAccount(`Northwind ${u}`, { ownerId: manager.id, currency: 'EUR' });
  const phases = `We split the work into phases ${u}`;
  const match = `We match the competitor ${u}`;
  // Past deals: "phases" won 3 of 4, "match" won 1 of 1; the first ranks higher by the Wilson lower bound.
  for (const [response, outcome] of [
    [phases, 'won'],
    [phases, 'won'],
    [phases, 'won'],
    [phases, 'lost'],
    [match, 'won'],
  ] as const) {
    const deal = await api.post<{ id: string }>('/deals', {
      accountId: account.id,
      title: `Past deal ${unique()}`,
      amount: 100_000,
      currency: 'EUR',
      expectedCloseDate: dayFromToday(30),
      nextStep: 'Call',
      nextStepDue: dayFromToday(3),
    });
    await api.post('/objections', { dealId: deal.id, category: 'price', text: 'Too expensive', response });
    await api.post(
      `/deals/${deal.id}/stage`,
      outcome === 'won' ? { stage: 'won', note: 'Signed' } : { stage: 'lost', lostReason: 'price' },
    );
  }
  const title = `Loyalty programme ${u}`;
  await api.post('/deals', {
    accountId: account.id,
    title,
    amount: 500_000,
    currency: 'EUR',
    expectedCloseDate: dayFromToday(45),
    nextStep: 'Send the estimate',
    nextStepDue: dayFromToday(2),
  });

  const page = await signedInPage(browser, manager.email);
  await page.goto(`/accounts/${account.id}?tab=deals`);
  await page.getByRole('button', { name: `Objections on ${title}` }).click();
  const list = page.getByRole('dialog', { name: `Objections on “${title}”` });
  await expect(list.getByText('No objections logged on this deal yet.')).toBeVisible();
  await list.getByRole('button', { name: 'Add objection' }).click();

  const form = page.getByRole('dialog', { name: `Objections on “${title}”` }).last();
  await form.getByLabel('Category').selectOption({ label: 'Price' });
  await form.getByLabel('Client’s words').fill('Your rates are above our budget');
  const suggestions = form.getByTestId('playbook-suggestion');
  const best = suggestions.filter({ hasText: phases });
  await expect(best).toContainText('won 3 of 4');
  await expect(suggestions.filter({ hasText: match })).toContainText('won 1 of 1');
  const texts = await suggestions.allInnerTexts();
  expect(texts.findIndex((s) => s.includes(phases))).toBeLessThan(texts.findIndex((s) => s.includes(match)));
  await expectAccessible(page);
  await best.getByRole('button', { name: `Use the answer: ${phases}` }).click();
  await expect(form.getByLabel('Answer given')).toHaveValue(phases);
  await form.getByLabel('Result').selectOption({ label: 'Resolved' });
  await form.getByRole('button', { name: 'Save' }).click();
  await expect(page.getByText('Objection logged')).toBeVisible();

  const logged = list.getByTestId('objection');
  await expect(logged).toHaveCount(1);
  await expect(logged).toContainText('Your rates are above our budget');
  await expect(logged).toContainText(phases);
  await expect(logged.getByLabel('Result')).toHaveValue('overcome');
  await page.keyboard.press('Escape');

  // The Objections page: price among the categories with its win rate, and its playbook.
  await page.getByRole('link', { name: 'Objections', exact: true }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Objections' })).toBeVisible();
  const price = page.getByTestId('objection-category').filter({ hasText: 'Price' });
  await expect(price).toBeVisible();
  await price.getByRole('button', { name: 'Price' }).click();
  await expect(page.getByTestId('playbook-answer').filter({ hasText: phases })).toContainText('won 3 of 4');
  await expect(page.getByTestId('playbook-answer').filter({ hasText: phases })).toContainText('1 use on open deals');
  await expectAccessible(page);
  await page.context().close();
});

test('an objection raised in a meeting about a deal is logged from the meeting on the timeline', async ({ browser, request }) => {
  const api = apiAs(request);
  const u = unique();
  const manager = await api.createUser('account_manager', `Meeting Notes ${u}`);
  const account = await api.createAccount(`Contoso ${u}`, { ownerId: manager.id, currency: 'EUR' });
  const title = `Newsletter ${u}`;
  await api.post('/deals', {
    accountId: account.id,
    title,
    amount: 200_000,
    currency: 'EUR',
    expectedCloseDate: dayFromToday(40),
    nextStep: 'Meet the team',
    nextStepDue: dayFromToday(1),
  });
  const page = await signedInPage(browser, manager.email);
  await page.goto(`/accounts/${account.id}`);
  await page.getByRole('button', { name: 'Log a meeting' }).click();
  await page.getByLabel('Summary').fill('Discussed the timeline');
  await page.getByRole('radio', { name: 'Advance a deal' }).check();
  await page.getByLabel('Open deal').selectOption({ label: `${title} · Qualified` });
  await page.getByLabel('Next step on the deal').fill('Send a revised plan');
  await page.getByLabel('Date of the deal’s next step').fill(dayFromToday(4));
  await page.getByRole('button', { name: 'Log it' }).click();
  await expect(page.getByText('Logged on the timeline.')).toBeVisible();

  const meeting = page.getByTestId('interaction').filter({ hasText: 'Discussed the timeline' });
  await meeting.getByRole('button', { name: 'Log an objection' }).click();
  const form = page.getByRole('dialog', { name: 'Add objection' });
  await form.getByLabel('Category').selectOption({ label: 'Timing' });
  await form.getByLabel('Client’s words').fill('Not before the summer');
  await form.getByLabel('Answer given').fill('We prepare now and launch in June');
  await expectAccessible(page);
  await form.getByRole('button', { name: 'Save' }).click();
  await expect(
    page.getByTestId('timeline-event').filter({ hasText: `Objection on “${title}” (Timing): “Not before the summer”` }),
  ).toBeVisible();
  await page.context().close();
});

test('a meeting logged without a deal still logs an objection, on the open deal chosen in the form', async ({ browser, request }) => {
  const api = apiAs(request);
  const u = unique();
  const manager = await api.createUser('account_manager', `Plain Meeting ${u}`);
  const account = await api.createAccount(`Tailspin ${u}`, { ownerId: manager.id, currency: 'EUR' });
  const bare = await api.createAccount(`Litware ${u}`, { ownerId: manager.id, currency: 'EUR' });
  const title = `Podcast ${u}`;
  await api.post('/deals', {
    accountId: account.id,
    title,
    amount: 90_000,
    currency: 'EUR',
    expectedCloseDate: dayFromToday(40),
    nextStep: 'Send the plan',
    nextStepDue: dayFromToday(2),
  });
  const meeting = (accountId: string, summary: string) =>
    api.post<{ id: string }>('/interactions', { accountId, type: 'meeting', occurredAt: new Date().toISOString(), summary });
  const talk = await meeting(account.id, 'Talked about the podcast');
  await meeting(bare.id, 'Met them for the first time');
  const page = await signedInPage(browser, manager.email);

  // An account without an open deal says what to do first.
  await page.goto(`/accounts/${bare.id}`);
  await page
    .getByTestId('interaction')
    .filter({ hasText: 'Met them for the first time' })
    .getByRole('button', { name: 'Log an objection' })
    .click();
  const none = page.getByRole('dialog', { name: 'Add objection' });
  await expect(none.getByText('This account has no open deals.')).toBeVisible();
  await expect(none.getByText('Open a deal on the account’s Deals tab, then log the objection on it.')).toBeVisible();
  await page.keyboard.press('Escape');

  await page.goto(`/accounts/${account.id}`);
  await page
    .getByTestId('interaction')
    .filter({ hasText: 'Talked about the podcast' })
    .getByRole('button', { name: 'Log an objection' })
    .click();
  const form = page.getByRole('dialog', { name: 'Add objection' });
  await form.getByLabel('Category').selectOption({ label: 'Need' });
  await form.getByLabel('Client’s words').fill('Nobody listens to podcasts');
  await form.getByRole('button', { name: 'Save' }).click();
  await expect(form.getByText('Choose the deal the objection was about')).toBeVisible();
  await form.getByLabel('Deal').selectOption({ label: `${title} · Qualified` });
  await expectAccessible(page);
  await form.getByRole('button', { name: 'Save' }).click();
  await expect(
    page.getByTestId('timeline-event').filter({ hasText: `Objection on “${title}” (Need): “Nobody listens to podcasts”` }),
  ).toBeVisible();
  // It is the meeting's objection, on the chosen deal.
  const logged = await api.get<{ items: { interactionId: string | null; dealTitle: string }[] }>(`/objections?accountId=${account.id}`);
  expect(logged.items.map((o) => [o.interactionId, o.dealTitle])).toEqual([[talk.id, title]]);
  await page.context().close();
});
