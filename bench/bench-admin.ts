import type { Services } from '../server/composition.js';
import type { Actor } from '../server/modules/access/index.js';

/** An administrator created through the user service for one measurement, as the actor it acts as. */
export async function createBenchAdmin(services: Services, key: string): Promise<Actor> {
  const admin = await services.users.create(null, {
    email: `bench.${key}@example.com`,
    name: `Bench ${key}`,
    role: 'admin',
    password: 'Quarry-Lantern-2025',
  });
  return { id: admin.id, role: admin.role, accountId: null };
}
