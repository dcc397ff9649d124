import type { ImportEntity } from '../../../common/schemas/import.js';
import type { JobService } from '../../jobs/job.service.js';
import type { OpeningBalances } from '../billing/index.js';
import { defineModule, type ModuleContext } from '../module.js';
import type { TimelineLog } from '../timeline/index.js';
import { accountImporter } from './import.accounts.js';
import { balanceImporter } from './import.balances.js';
import type { EntityImporter } from './import.batch.js';
import { contactImporter } from './import.contacts.js';
import { interactionImporter } from './import.interactions.js';
import { importRoutes } from './import.routes.js';
import { IMPORT_JOB, ImportRunner } from './import.runner.js';
import { ImportService } from './import.service.js';

export type { ImportService } from './import.service.js';
export type { ImportRunner } from './import.runner.js';
export { IMPORT_JOB } from './import.runner.js';

/** Spreadsheet imports: accounts, contacts, interactions and opening balances, previewed, run in the background, undoable. */
export function createImportsModule(
  ctx: ModuleContext,
  deps: { jobs: JobService; timeline: TimelineLog; openingBalances: OpeningBalances },
  opts: { defaultCurrency: string },
) {
  const importers = {
    accounts: accountImporter(deps.timeline, opts.defaultCurrency),
    contacts: contactImporter(),
    interactions: interactionImporter(),
    opening_balances: balanceImporter(deps.openingBalances),
  } as unknown as Record<ImportEntity, EntityImporter>;
  const imports = new ImportService(ctx.db, ctx.clock, importers, deps.openingBalances);
  const importRunner = new ImportRunner(ctx.db, ctx.clock, importers);
  const job = importRunner.job();
  // A committed import starts at once rather than at the next poll; a run in progress picks it up too.
  imports.onQueued(() =>
    job
      .dueKey(ctx.clock.now())
      .then((key) => (key ? deps.jobs.run(IMPORT_JOB, key) : null))
      .catch((err: unknown) => ctx.log.error({ err }, 'import run failed to start')),
  );
  return defineModule({ imports, importRunner, routes: importRoutes(imports), jobs: [job] });
}
