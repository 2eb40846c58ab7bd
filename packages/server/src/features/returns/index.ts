// What returns offers the rest of the server: other features, app.ts, background-jobs.ts and cli.ts import it from here only.
export { staffReturnRoutes, storeReturnRoutes } from './returns.routes.ts';
export { ReturnService } from './returns.service.ts';
export { findRefundedReturnLines } from './returned-lines-source.ts';
export { bilingualNote, outRefundNoOf } from './returns.rules.ts';
export type { StaffSide } from './returns.service.ts';
