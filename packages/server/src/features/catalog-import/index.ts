// What catalog-import offers the rest of the server: other features, app.ts, background-jobs.ts and cli.ts import it from here only.
export { ProductImportJobs } from './product-import-jobs.ts';
export { productImportCommands } from './product-import.cli.ts';
export { productImportRoutes } from './product-import.routes.ts';
export { ProductImportService } from './product-import.service.ts';
