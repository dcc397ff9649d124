import { everyMinutes } from '../../jobs/job.runner.js';
import { onAudit } from '../audit/index.js';
import { defineModule, type ModuleContext } from '../module.js';
import { searchRoutes } from './search.routes.js';
import { SearchService } from './search.service.js';

export type { SearchService } from './search.service.js';
export { wordsOf } from './words.js';
export { tableSource, type SearchRow, type SearchSource, type SourceColumns, type TableScope } from './source.js';

/**
 * Global search. The modules that own searchable records contribute a `SearchSource` from their
 * own folder (`search` in their face, wired in the composition root); this module keeps the
 * word index as records are written (through their audit entries), catches up by the minute
 * on writes that are not audited one by one (imports), and answers `GET /search` within each
 * caller's access.
 */
export function createSearchModule(ctx: ModuleContext) {
  const globalSearch = new SearchService(ctx.db, ctx.clock);
  onAudit('search', (trx, entry) => globalSearch.written(trx, entry));
  const jobs = [
    {
      name: 'search.catch_up',
      dueKey: everyMinutes(1),
      run: async () => {
        await globalSearch.catchUp();
        return {};
      },
    },
  ];
  return defineModule({ globalSearch, routes: searchRoutes(globalSearch), jobs });
}
