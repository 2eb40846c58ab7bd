// What trade offers the rest of the server: other features, app.ts, background-jobs.ts and cli.ts import it from here only.
export type { RfqService } from './rfq.service.ts';
export { createTradeFeature, registerTradeRoutes } from './trade.plugin.ts';
export { seedCompany } from './company.seed.ts';
