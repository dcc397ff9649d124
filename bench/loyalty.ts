import type { KyselyPlugin } from 'kysely';
import type { LoyaltyRun } from '../common/schemas/loyalty.js';
import { LoyaltyTierCreateSchema } from '../common/schemas/loyalty.js';
import { composeServices } from '../server/composition.js';
import { openDatabase } from '../server/db/database.js';
import { DEMO_TIERS } from '../server/demo/demo.loyalty.js';
import { discardingMailer } from '../server/modules/email/index.js';
import { createBenchAdmin } from './bench-admin.js';
import { table } from './report.js';
import type { Seeded } from './seed.js';
import type { Location } from './target.js';

const GOAL_SECONDS = 60;
const DAY = 86_400_000;

/** Counts the statements the evaluation sends; a per-account query would show as thousands. */
function queryCounter() {
  let count = 0;
  const plugin: KyselyPlugin = {
    transformQuery: (args) => {
      count += 1;
      return args.node;
    },
    transformResult: async (args) => args.result,
  };
  return { plugin, take: () => ((count = 0), undefined), count: () => count };
}

interface Measured {
  label: string;
  seconds: number;
  queries: number;
  run: LoyaltyRun;
}

/**
 * The nightly loyalty evaluation over every seeded account (all made active clients of two
 * years, so all 10,000 are judged against Silver, Gold and Platinum over their 200,000 invoices):
 * the first night, when accounts join their tiers, and the next, when most hold them. Run last:
 * it rewrites the seeded accounts' status.
 */
export async function timeLoyalty(location: Location, seeded: Seeded): Promise<Measured[]> {
  const { db } = openDatabase(location);
  const counter = queryCounter();
  try {
    const clientSince = new Date(new Date(`${seeded.today}T00:00:00.000Z`).getTime() - 730 * DAY).toISOString().slice(0, 10);
    await db.updateTable('accounts').set({ status: 'active', client_since: clientSince }).execute();
    let now = new Date(`${seeded.today}T02:00:00.000Z`);
    const services = composeServices(
      db.withPlugin(counter.plugin),
      { now: () => new Date(now) },
      { mailer: discardingMailer('liaison.bench') },
    );
    const actor = await createBenchAdmin(services, 'loyalty');
    for (const tier of DEMO_TIERS) await services.loyaltyTiers.create(actor, LoyaltyTierCreateSchema.parse(tier));
    const measured: Measured[] = [];
    for (const label of ['first night (accounts join tiers)', 'next night (most hold)']) {
      counter.take();
      const started = performance.now();
      const run = await services.loyaltyEvaluation.evaluateNow(actor);
      measured.push({ label, seconds: (performance.now() - started) / 1000, queries: counter.count(), run });
      now = new Date(now.getTime() + DAY);
    }
    return measured;
  } finally {
    await db.destroy();
  }
}

export function printLoyalty(measured: Measured[]) {
  console.log(`\nloyalty evaluation over every account, 3 tiers`);
  table(
    ['run', 'seconds', `goal < ${GOAL_SECONDS} s`, 'queries', 'accounts', 'up', 'down', 'at risk'],
    measured.map(({ label, seconds, queries, run }) => [
      label,
      seconds.toFixed(2),
      seconds < GOAL_SECONDS ? 'ok' : 'over',
      String(queries),
      String(run.evaluated),
      String(run.upgrades),
      String(run.downgrades),
      String(run.atRisk),
    ]),
  );
}
