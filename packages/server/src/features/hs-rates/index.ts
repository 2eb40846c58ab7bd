// What hs-rates offers the rest of the server: other features, app.ts, background-jobs.ts and cli.ts import it from here only.
export { operatorHsRateRoutes } from './hs-rate.routes.ts';
export { suggestedFoodMark } from './hs-rate.rules.ts';
export { HsRateService } from './hs-rate.service.ts';
export { seedHsRates, type SeedHsRate } from './hs-rate.seed.ts';
