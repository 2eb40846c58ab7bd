// What payments offers the rest of the server: other features, app.ts, background-jobs.ts and cli.ts import it from here only.
export type { CustomsDeclarationInput, CustomsDeclarationResult } from './payment-provider.ts';
export { operatorPaymentRoutes, paymentCallbackRoutes, sandboxPaymentRoutes, storePaymentRoutes } from './payment.routes.ts';
export { PaymentService } from './payment.service.ts';
export { refundStatesOfReturns, requestOrderRefund, returnOfRefund, type RefundState } from './refund-requests.ts';
export { SandboxPaymentProvider } from './sandbox-payment.ts';
export { WechatPayProvider } from './wechat-pay.ts';
export { markPaymentPaid, openPayment, recordAnomaly, requestPaymentRefund, resolveOrderAnomalies } from './payment-records.ts';
export type { SettlePayment, SettleRefund } from './payment.service.ts';
export { SEND_REFUND } from './refund-job.ts';
