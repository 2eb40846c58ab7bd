// What fulfilment offers the rest of the server: other features, app.ts, background-jobs.ts and cli.ts import it from here only.
export { exporterFulfilmentRoutes, operatorFulfilmentRoutes, storeFulfilmentRoutes } from './fulfilment.routes.ts';
export { FulfilmentService, completeDeliveredOrders } from './fulfilment.service.ts';
