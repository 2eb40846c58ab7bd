// What customs offers the rest of the server: other features, app.ts, background-jobs.ts and cli.ts import it from here only.
export { DirectoryCustomsTransport, type CustomsTransport } from './customs-transport.ts';
export { operatorCustomsRoutes } from './customs.routes.ts';
export { CustomsService, newMessageGuid } from './customs.service.ts';
export type { ComposedMessage, CustomsOperatorActions, DeclarationIdentities, PaymentDeclarationAnswer, PaymentToDeclare, ReceiptVerdict, ResendPlan, UndeclaredPayment } from './customs.service.ts';
export { DECLARE_PAYMENT, SEND_CUSTOMS_MESSAGE } from './customs-jobs.ts';
