import { QueryClient } from '@tanstack/react-query';
import { describe, expect, it } from 'vitest';
import type { Me } from '@common/schemas/auth';
import { meQuery } from '../features/auth/session';
import { sessionAllowing } from '../test-abilities';
import { onlyIfCan } from './routing';

/** A router context whose cache holds a signed-in user with these abilities (or no one). */
function contextWith(can?: Me['can']) {
  const queryClient = new QueryClient();
  if (can) queryClient.setQueryData(meQuery.queryKey, { can } as Me);
  return { context: { queryClient } };
}

const isNotFound = (run: () => void) => {
  try {
    run();
    return false;
  } catch (e) {
    return (e as { isNotFound?: boolean }).isNotFound === true;
  }
};

describe('page guards', () => {
  it('let through a user the server says may use the page', () => {
    expect(() => onlyIfCan('seeAuditLog')(contextWith(sessionAllowing('seeAuditLog')))).not.toThrow();
  });

  it('answer "not found" to a user who may not, as the API does', () => {
    expect(isNotFound(() => onlyIfCan('seeAuditLog')(contextWith(sessionAllowing('manageUsers'))))).toBe(true);
  });

  it('answer "not found" when no one is signed in', () => {
    expect(isNotFound(() => onlyIfCan('seeInvoices')(contextWith()))).toBe(true);
  });
});
