// What shipping offers the rest of the server: other features, app.ts, background-jobs.ts and cli.ts import it from here only.
export { computeFreight, defaultFreightTemplate } from './freight.rules.ts';
export type { FreightTemplate } from './freight.rules.ts';
export { exporterShippingTemplateRoutes } from './shipping-template.routes.ts';
export { ShippingTemplateService } from './shipping-template.service.ts';
