// What pavilions offers the rest of the server: other features, app.ts, background-jobs.ts and cli.ts import it from here only.
export { toExporterSummary, toPavilionSummary } from './pavilion.mapper.ts';
export { findExporterById, findPavilions } from './pavilion.repository.ts';
export { operatorPavilionRoutes, storePavilionRoutes } from './pavilion.routes.ts';
export { PavilionService } from './pavilion.service.ts';
export { StoryService } from './story.service.ts';
export { seedPavilionFeatures, seedPavilions, seedPublishedStories, type SeedPavilion, type SeedStory } from './pavilion.seed.ts';
