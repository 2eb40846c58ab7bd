// What categories offers the rest of the server: other features, app.ts, background-jobs.ts and cli.ts import it from here only.
export { operatorCategoryRoutes, storeCategoryRoutes } from './category.routes.ts';
export { CategoryService } from './category.service.ts';
