import { MantineProvider } from '@mantine/core';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { render, screen } from '@testing-library/react';
import { beforeAll, describe, expect, it } from 'vitest';
import { ProjectAbilitiesSchema, type Project } from '@common/schemas/project';
import i18n from '../../i18n';
import { allowOnly } from '../../test-abilities';
import '../delivery/catalogue';
import './catalogue';
import { PortalPlan } from './PortalPlan';

const ACTIONS = Object.keys(ProjectAbilitiesSchema.shape) as (keyof Project['can'])[];

const project = (planStatus: Project['planStatus'], ...allowed: (keyof Project['can'])[]) =>
  ({
    id: 'p1',
    version: 1,
    accountId: 'a1',
    name: 'Website relaunch',
    planStatus,
    planSubmittedAt: '2026-03-01T10:00:00Z',
    planApprovedAt: null,
    can: allowOnly(ACTIONS, allowed),
  }) as Project;

function show(p: Project) {
  render(
    <QueryClientProvider client={new QueryClient({ defaultOptions: { queries: { enabled: false } } })}>
      <MantineProvider>
        <PortalPlan project={p} />
      </MantineProvider>
    </QueryClientProvider>,
  );
  return {
    buttons: screen.queryAllByRole('button').map((b) => b.textContent),
    state: screen.getByTestId('portal-plan-state').textContent,
  };
}

describe('the plan in the portal', () => {
  beforeAll(() => i18n.changeLanguage('en'));

  it('offers Approve and Request changes while the plan waits for the client', () => {
    const shown = show(project('submitted', 'approvePlan', 'requestPlanChanges'));
    expect(shown.buttons).toEqual(['Approve the plan', 'Request changes']);
    expect(shown.state).toMatch(/^The plan waits for your approval since /);
  });

  it('offers nothing once the plan is approved or still being prepared', () => {
    expect(show(project('approved')).buttons).toEqual([]);
    document.body.innerHTML = '';
    expect(show(project('draft')).state).toBe('We are preparing the plan; you will be asked to approve it.');
    document.body.innerHTML = '';
    const sentBack = show(project('changes_requested'));
    expect(sentBack.buttons).toEqual([]);
    expect(sentBack.state).toBe('You asked for changes; your manager will revise the plan and send it to you again.');
  });
});
