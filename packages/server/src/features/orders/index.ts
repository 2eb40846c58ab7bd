// What orders offers the rest of the server: other features, app.ts, background-jobs.ts and cli.ts import it from here only.
export { CheckoutService } from './checkout.service.ts';
export { moveOrder, restoreQuota } from './order-holds.ts';
export { expireUnpaidOrders, settleCheckout } from './order-payment.ts';
export { taxPartsOf } from './order.repository.ts';
export { exporterOrderRoutes, operatorOrderRoutes, storeOrderRoutes } from './order.routes.ts';
export { OrderService } from './order.service.ts';
