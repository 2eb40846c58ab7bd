// What search offers the rest of the server: other features, app.ts, background-jobs.ts and cli.ts import it from here only.
export { indexProducts } from './search-index.ts';
export { operatorSearchRoutes, storeSearchRoutes } from './search.routes.ts';
export { SearchService } from './search.service.ts';
export { REINDEX_SEARCH } from './search-jobs.ts';
export { seedSearchSetup } from './search.seed.ts';
