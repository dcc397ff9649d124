import { test as setup, expect } from '@playwright/test';
import { ADMIN, ADMIN_STATE } from './fixtures';

// Signs the administrator in once; journeys that act as the admin start from this session.
setup('sign in as the administrator', async ({ request }) => {
  const response = await request.post('/api/v1/auth/login', { data: ADMIN });
  expect(response.status()).toBe(200);
  await request.storageState({ path: ADMIN_STATE });
});
