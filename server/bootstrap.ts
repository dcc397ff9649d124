import type { FastifyInstance } from 'fastify';
import type { Config } from './config.js';
import { parseAdminInput } from './modules/users/index.js';

/**
 * Creates the first admin from ADMIN_EMAIL/ADMIN_PASSWORD when no user exists; otherwise
 * tells how to create one. A weak or malformed value stops the start with the reason.
 */
export async function bootstrapAdmin(app: FastifyInstance, config: Config): Promise<void> {
  const { users } = app.services;
  if (await users.any()) return;
  if (config.ADMIN_EMAIL && config.ADMIN_PASSWORD) {
    const parsed = parseAdminInput({ email: config.ADMIN_EMAIL, name: 'Administrator', password: config.ADMIN_PASSWORD });
    if ('problems' in parsed) throw new Error(`ADMIN_EMAIL/ADMIN_PASSWORD rejected: ${parsed.problems.join('; ')}`);
    const created = await users.createFirstAdmin(parsed.admin);
    if (created) app.log.info({ email: created.email }, 'created the first admin from ADMIN_EMAIL');
    return;
  }
  app.log.warn(
    'No user exists yet. Open the app in a browser to run first-run setup, or run `npm run admin:create -- --email you@example.com --name "Your Name"`, or start with ADMIN_EMAIL and ADMIN_PASSWORD set.',
  );
}
