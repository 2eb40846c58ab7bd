// What rates offers the rest of the server: other features, app.ts, background-jobs.ts and cli.ts import it from here only.
export { raiseMissingRateAlert, resolveRateAlert, type RateInForce } from './rate-alerts.ts';
export { operatorRateRoutes, storeRateRoutes } from './rate.routes.ts';
export { RateService } from './rate.service.ts';
export { seedExchangeRates } from './rate.seed.ts';
