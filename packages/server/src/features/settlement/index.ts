// What settlement offers the rest of the server: other features, app.ts, background-jobs.ts and cli.ts import it from here only.
export type { ReturnedLineSource } from './returned-lines.ts';
export { exporterSettlementRoutes, operatorSettlementRoutes } from './settlement.routes.ts';
export { SettlementService } from './settlement.service.ts';
