import { DEFAULT_SPECIALIST_ROLES } from '../common/enums.js';
import type { KickoffResult } from '../common/schemas/kickoff.js';
import { ServiceCreateSchema, type ServiceCreate } from '../common/schemas/service.js';
import { composeServices } from '../server/composition.js';
import { openDatabase } from '../server/db/database.js';
import { createBenchAdmin } from './bench-admin.js';
import { table } from './report.js';
import type { Seeded } from './seed.js';
import type { Location } from './target.js';
import { median } from './stats.js';

const GOAL_SECONDS = 5;
const RUNS = 3;

/** A service whose template is as large as a template may be (50 milestones, 200 tasks), its tasks over every default role. */
const largestService = (name: string, unit: ServiceCreate['unit']): ServiceCreate => ({
  name: { en: name },
  workKind: 'development',
  unit,
  prices: [{ currency: 'EUR', amountMinor: 1_000_000 }],
  template: {
    milestones: Array.from({ length: 50 }, (_, i) => ({ key: `m${i}`, title: { en: `Stage ${i + 1}` }, offsetDays: i * 7 })),
    tasks: Array.from({ length: 200 }, (_, i) => ({
      title: { en: `Work item ${i + 1}` },
      role: DEFAULT_SPECIALIST_ROLES[i % DEFAULT_SPECIALIST_ROLES.length],
      hours: 4,
      milestoneKey: `m${i % 50}`,
    })),
  },
});

/**
 * An accepted proposal of two of the largest services becoming a project, as the manager starts
 * it on their busiest account: 100 milestones and 400 tasks given by role among the seeded
 * specialists and their 20,000 tasks, in one transaction.
 */
export async function timeKickoff(location: Location, seeded: Seeded): Promise<{ seconds: number[]; result: KickoffResult }> {
  const { db } = openDatabase(location);
  try {
    const services = composeServices(db, { now: () => new Date(`${seeded.today}T09:00:00.000Z`) });
    const adminActor = await createBenchAdmin(services, 'admin');
    const build = await services.catalog.create(adminActor, ServiceCreateSchema.parse(largestService('Platform build', 'project')));
    const support = await services.catalog.create(adminActor, ServiceCreateSchema.parse(largestService('Support hours', 'hour')));
    const manager = { id: seeded.managerId, role: 'account_manager' as const, accountId: null };
    const seconds: number[] = [];
    let result: KickoffResult | undefined;
    for (let run = 0; run < RUNS; run++) {
      const started = performance.now();
      result = await services.kickoff.start(manager, {
        accountId: seeded.hotAccountId,
        name: `Platform ${run + 1}`,
        startDate: seeded.today,
        currency: 'EUR',
        budgetMinor: 2_000_000,
        services: [
          { serviceId: build.id, quantity: 1 },
          { serviceId: support.id, quantity: 2 },
        ],
      });
      seconds.push((performance.now() - started) / 1000);
    }
    return { seconds, result: result! };
  } finally {
    await db.destroy();
  }
}

export function printKickoff({ seconds, result }: Awaited<ReturnType<typeof timeKickoff>>) {
  const middle = median(seconds);
  console.log(`\nstarting a project from two catalog services (${result.milestones} milestones, ${result.tasks} tasks), ${RUNS} runs`);
  table(
    ['action', 'median s', `goal < ${GOAL_SECONDS} s`, 'runs s', 'unassigned roles'],
    [
      [
        'kickoff.start',
        middle.toFixed(2),
        middle < GOAL_SECONDS ? 'ok' : 'over',
        seconds.map((s) => s.toFixed(2)).join(' '),
        result.unassignedRoles.join(', ') || 'none',
      ],
    ],
  );
}
