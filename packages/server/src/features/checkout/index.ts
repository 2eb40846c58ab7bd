// What checkout offers the rest of the server: other features, app.ts, background-jobs.ts and cli.ts import it from here only.
export { CBEC_LIMITS, cbecQuotaYear, checkCbecLimits, describeCbecLimitVerdict, formatYuan, type CbecLimitVerdict, type CbecLimits } from './cbec-limits.rules.ts';
export { computeOrderTax, type LineTax } from './cbec-tax.rules.ts';
export { checkChinaAddress, findChinaDistrict, listChinaCities, listChinaDistricts, listChinaProvinces, type ChinaDivision } from './china-address.rules.ts';
export { computeFreight, defaultFreightTemplate, type FreightTemplate } from './freight.rules.ts';
export { decryptIdentityField, encryptIdentityField, parseIdentityKeys, residentIdLookupHash, type IdentityKeyRing } from './identity-crypto.ts';
export { maskBuyerName, maskResidentId } from './resident-id.rules.ts';
export { exporterShippingTemplateRoutes } from './shipping-template.routes.ts';
export { ShippingTemplateService } from './shipping-template.service.ts';
