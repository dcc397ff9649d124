import { defineModule, type ModuleContext } from '../module.js';
import { searchRoutes } from './search.routes.js';
import { SearchService } from './search.service.js';

export type { SearchService } from './search.service.js';
export { wordsOf } from './words.js';
export { tableSource, type SearchRow, type SearchSource, type SourceColumns, type TableScope } from './source.js';

/**
 * Global search. The modules that own searchable records contribute a `SearchSource` from their
 * own folder (`search` in their face, wired in the composition root); this module keeps the
 * word index, catches it up and answers `GET /search` within each caller's access.
 */
export function createSearchModule(ctx: ModuleContext) {
  const globalSearch = new SearchService(ctx.db, ctx.clock);
  return defineModule({ globalSearch, routes: searchRoutes(globalSearch) });
}
