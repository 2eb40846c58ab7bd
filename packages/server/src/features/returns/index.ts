// What returns offers the rest of the server: other features, app.ts, background-jobs.ts and cli.ts import it from here only.
export { refundedReturnLines } from './returned-lines-source.ts';
export { staffReturnRoutes, storeReturnRoutes } from './returns.routes.ts';
export { ReturnService } from './returns.service.ts';
