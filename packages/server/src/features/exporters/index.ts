// What exporters offers the rest of the server: other features, app.ts, background-jobs.ts and cli.ts import it from here only.
export { documentDownload, sendDocument } from './exporter-documents.routes.ts';
export { cleanFileName } from './exporter-documents.rules.ts';
export type { DocumentFile } from './exporter-documents.service.ts';
export { createExporterFeature, registerExporterRoutes } from './exporters.plugin.ts';
export { seedExporterApplication, seedExporters, type SeedExporter, type SeedExporterApplication } from './exporter.seed.ts';
