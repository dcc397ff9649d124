import { composeServices } from '../server/composition.js';
import { openDatabase } from '../server/db/database.js';
import type { Actor } from '../server/modules/access/index.js';
import { scopeOn } from '../server/modules/today/index.js';
import { table } from './report.js';
import type { Seeded } from './seed.js';
import type { Location } from './target.js';
import { median, statementCounter } from './stats.js';

const RUNS = 15;
const GOAL_RATIO = 0.3;

/**
 * Today for the seeded manager (their accounts over the bench volume), against the bare union
 * of its source queries (every provider's query alone, in parallel, nothing merged or worded),
 * alternating runs in the same process; and how many statements one Today costs.
 */
export async function timeToday(location: Location, seeded: Seeded) {
  const { db } = openDatabase(location);
  try {
    const { counter, plugin } = statementCounter();
    const counted = db.withPlugin(plugin);
    const services = composeServices(counted, { now: () => new Date(`${seeded.today}T09:00:00.000Z`) });
    const manager: Actor = { id: seeded.managerId, role: 'account_manager', accountId: null, language: 'en' };
    const owned = await db
      .selectFrom('accounts')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('owner_id', '=', manager.id)
      .executeTakeFirstOrThrow();
    const scope = scopeOn({ id: manager.id, role: manager.role, coveredBy: null }, seeded.today, `${seeded.today}T09:00:00.000Z`);
    const bare = () => Promise.all(services.today.sources().map((p) => p.entries(scope)));
    await services.today.read(manager); // warm caches (settings, prepared statements)
    counter.count = 0;
    const result = await services.today.read(manager);
    const statements = counter.count;
    const app: number[] = [];
    const base: number[] = [];
    for (let i = 0; i < RUNS; i++) {
      let started = performance.now();
      await bare();
      base.push(performance.now() - started);
      started = performance.now();
      await services.today.read(manager);
      app.push(performance.now() - started);
    }
    const items = result.groups.reduce((n, g) => n + g.items.length, 0);
    return {
      accounts: Number(owned.n),
      items,
      statements,
      providers: services.today.sources().length,
      app: median(app),
      base: median(base),
    };
  } finally {
    await db.destroy();
  }
}

export function printToday(r: Awaited<ReturnType<typeof timeToday>>) {
  const ratio = r.base / r.app;
  console.log(`\nToday for a manager with ${r.accounts} accounts (${r.items} items from ${r.providers} providers), ${RUNS} runs`);
  table(
    ['request', 'app ms', 'bare sources ms', 'ratio', `goal ≥ ${GOAL_RATIO}×`, 'statements per request'],
    [['GET /today', r.app.toFixed(1), r.base.toFixed(1), `${ratio.toFixed(2)}×`, ratio >= GOAL_RATIO ? 'yes' : 'NO', String(r.statements)]],
  );
}
