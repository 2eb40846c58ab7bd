// What orders offers the rest of the server: other features, app.ts, background-jobs.ts and cli.ts import it from here only.
export { CheckoutService } from './checkout.service.ts';
export { restoreQuota, shipHeldStock } from './order-holds.ts';
export { expireUnpaidOrders, settleCheckout } from './order-payment.ts';
export { findOrderNumber } from './order.repository.ts';
export { exporterOrderRoutes, operatorOrderRoutes, storeOrderRoutes } from './order.routes.ts';
export { OrderService } from './order.service.ts';
export { appendOrderEvent, holdOrder, liftHold, moveCustomsStatus, moveOrder } from './order-records.ts';
export { PAYMENT_WINDOW_MS } from './order.rules.ts';
