import { test, expect } from '@playwright/test';

test.describe('the built web app', () => {
  test.use({ storageState: { cookies: [], origins: [] } });

  test('ships no source maps: scripts do not point to one and none is served', async ({ request }) => {
    const html = await (await request.get('/')).text();
    const scripts = [...html.matchAll(/src="(\/assets\/[^"]+\.js)"/g)].map((m) => m[1]);
    expect(scripts.length).toBeGreaterThan(0);
    for (const src of scripts) {
      const script = await request.get(src);
      expect(script.status()).toBe(200);
      expect(script.headers()['cache-control']).toMatch(/max-age=31536000.*immutable/);
      expect(await script.text()).not.toContain('sourceMappingURL');
      const map = await request.get(`${src}.map`);
      expect(map.status()).toBe(404);
      expect(map.headers()['content-type']).toMatch(/application\/problem\+json/);
    }
  });
});
