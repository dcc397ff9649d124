import { MantineProvider } from '@mantine/core';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { fireEvent, render, screen } from '@testing-library/react';
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { UserAbilitiesSchema, type User } from '@common/schemas/user';
import i18n from '../../i18n';
import { allowOnly } from '../../test-abilities';
import { UserPhotoEditor } from './UserPhoto';

const ACTIONS = Object.keys(UserAbilitiesSchema.shape) as (keyof User['can'])[];

const person = (photoUrl: string | null, ...allowed: (keyof User['can'])[]): User => ({
  id: 'u1',
  version: 1,
  createdAt: '2026-03-01T10:00:00Z',
  updatedAt: '2026-03-01T10:00:00Z',
  email: 'ann@agency.test',
  name: 'Ann Manager',
  role: 'account_manager',
  specialties: [],
  contactId: null,
  accountId: null,
  active: true,
  language: 'en',
  capacityHoursPerWeek: 40,
  phone: null,
  mayOwnAccounts: true,
  photoUrl,
  can: allowOnly(ACTIONS, allowed),
});

function show(user: User) {
  render(
    <QueryClientProvider client={new QueryClient()}>
      <MantineProvider>
        <UserPhotoEditor user={user} />
      </MantineProvider>
    </QueryClientProvider>,
  );
}

beforeAll(() => i18n.changeLanguage('en'));
afterEach(() => {
  document.body.innerHTML = '';
  vi.unstubAllGlobals();
});

describe('a user’s photo editor', () => {
  it('offers nothing to change when the record does not allow it, and says the initials stand in', () => {
    show(person(null));
    expect(screen.getByText('No photo yet: clients see the initials of Ann Manager.')).toBeTruthy();
    expect(screen.queryByRole('button')).toBeNull();
  });

  it('offers an upload without a photo, and a replacement and removal with one', () => {
    show(person(null, 'changePhoto'));
    expect(screen.getAllByRole('button').map((b) => b.textContent)).toEqual(['Upload a photo']);
    document.body.innerHTML = '';
    show(person('/api/v1/users/u1/photo?v=abc', 'changePhoto'));
    expect(screen.getByRole('img', { name: 'Photo of Ann Manager' }).getAttribute('src')).toBe('/api/v1/users/u1/photo?v=abc');
    expect(screen.getAllByRole('button').map((b) => b.textContent)).toEqual(['Replace the photo', 'Remove the photo']);
  });

  it('says why the server refused an upload, in words from its problem code', async () => {
    const fetchMock = vi.fn(
      async () =>
        new Response(JSON.stringify({ title: 'Too large', status: 413, code: 'user.photo_too_large', params: { maxMb: 2 } }), {
          status: 413,
          headers: { 'Content-Type': 'application/problem+json' },
        }),
    );
    vi.stubGlobal('fetch', fetchMock);
    show(person(null, 'changePhoto'));
    const input = document.querySelector<HTMLInputElement>('input[type="file"]')!;
    expect(input.accept).toBe('image/png,image/jpeg');
    fireEvent.change(input, { target: { files: [new File([new Uint8Array(8)], 'big.png', { type: 'image/png' })] } });
    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toContain('The photo is larger than 2 MB; upload a smaller image.');
    expect(fetchMock).toHaveBeenCalledWith('/api/v1/users/u1/photo', expect.objectContaining({ method: 'PUT' }));
  });
});
