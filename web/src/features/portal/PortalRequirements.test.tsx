import { MantineProvider } from '@mantine/core';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { RequirementAbilitiesSchema, type Requirement } from '@common/schemas/plan';
import i18n from '../../i18n';
import { allowOnly } from '../../test-abilities';
import '../delivery/catalogue';
import './catalogue';
import { PortalRequirements } from './PortalRequirements';

const ACTIONS = Object.keys(RequirementAbilitiesSchema.shape) as (keyof Requirement['can'])[];
const at = (day: number) => `2026-03-0${day}T10:00:00Z`;

/** Proposed, agreed by the client, then reworded by the manager: a change request. */
const changed: Requirement = {
  id: 'r1',
  version: 3,
  createdAt: at(1),
  updatedAt: at(3),
  projectId: 'p1',
  party: 'client',
  text: 'Send the logo as SVG',
  status: 'changed',
  agreedById: null,
  agreedAt: null,
  history: [
    { text: 'Send the logo', status: 'proposed', changedById: 'c1', changedAt: at(2), note: null },
    { text: 'Send the logo', status: 'agreed', changedById: 'm1', changedAt: at(3), note: 'The printer needs vectors' },
  ],
  can: allowOnly(ACTIONS, ['agree', 'reject']),
};

function show(...requirements: Requirement[]) {
  const client = new QueryClient({ defaultOptions: { queries: { enabled: false } } });
  client.setQueryData(['requirements', 'p1'], { items: requirements, total: requirements.length });
  render(
    <QueryClientProvider client={client}>
      <MantineProvider>
        <PortalRequirements projectId="p1" />
      </MantineProvider>
    </QueryClientProvider>,
  );
}

describe('requirements in the portal', () => {
  afterEach(() => {
    document.body.innerHTML = '';
  });

  it.each([
    [
      'en',
      'Change request: we propose to change a requirement you agreed to.',
      'You agreed to:Send the logoNew wording:Send the logo as SVGWhy it changes: The printer needs vectors',
    ],
    [
      'ru',
      'Запрос на изменение: мы предлагаем изменить требование, которое вы уже приняли.',
      'Вы приняли:Send the logoНовая формулировка:Send the logo as SVGПочему меняется: The printer needs vectors',
    ],
  ])('shows a change request in %s with the text the client agreed to and the new wording', async (language, heading, texts) => {
    await i18n.changeLanguage(language);
    show(changed);
    const shown = screen.getByTestId('portal-change-request').textContent;
    expect(shown).toContain(heading);
    expect(shown).toContain(texts);
  });

  it('shows no reason line when the change was made without one', async () => {
    await i18n.changeLanguage('en');
    show({ ...changed, history: changed.history.map((h) => ({ ...h, note: null })) });
    expect(screen.getByTestId('portal-change-request').textContent).toContain('Send the logo as SVG');
    expect(screen.queryByTestId('portal-change-reason')).toBeNull();
  });

  it('shows only the text of a requirement that is no change request', async () => {
    await i18n.changeLanguage('en');
    // reworded before the client agreed: nothing was agreed, so there is no "before" to show
    show({ ...changed, status: 'proposed', history: [changed.history[0]] });
    expect(screen.queryByTestId('portal-change-request')).toBeNull();
    expect(screen.queryByTestId('portal-change-reason')).toBeNull();
    expect(screen.getByTestId('portal-requirement').textContent).toContain('Send the logo as SVG');
  });
});
