import { MantineProvider } from '@mantine/core';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { render, screen } from '@testing-library/react';
import { beforeAll, describe, expect, it } from 'vitest';
import { RequirementAbilitiesSchema, type Requirement } from '@common/schemas/plan';
import i18n from '../../i18n';
import { allowOnly } from '../../test-abilities';
import '../delivery/catalogue';
import { RequirementCard } from './RequirementCard';

const ACTIONS = Object.keys(RequirementAbilitiesSchema.shape) as (keyof Requirement['can'])[];

const requirement = (...allowed: (keyof Requirement['can'])[]): Requirement => ({
  id: 'r1',
  version: 1,
  createdAt: '2026-03-01T10:00:00Z',
  updatedAt: '2026-03-01T10:00:00Z',
  projectId: 'p1',
  party: 'client',
  text: 'Pages load in under two seconds',
  status: 'proposed',
  agreedById: null,
  agreedAt: null,
  history: [],
  can: allowOnly(ACTIONS, allowed),
});

function show(r: Requirement) {
  render(
    <QueryClientProvider client={new QueryClient({ defaultOptions: { queries: { enabled: false } } })}>
      <MantineProvider>
        <RequirementCard requirement={r} onReload={async () => undefined} />
      </MantineProvider>
    </QueryClientProvider>,
  );
  return screen.queryAllByRole('button').map((b) => b.textContent);
}

describe('a requirement card', () => {
  beforeAll(() => i18n.changeLanguage('en'));

  it('offers the client’s decisions alone to one who may only decide', () => {
    expect(show(requirement('agree', 'reject'))).toEqual(['Agree', 'Reject']);
  });

  it('offers every action the requirement allows to its manager', () => {
    expect(show(requirement('update', 'delete', 'agree'))).toEqual(['Agree', 'Change', 'Delete']);
  });

  it('offers nothing to one who may only read it', () => {
    expect(show(requirement())).toEqual([]);
  });
});
