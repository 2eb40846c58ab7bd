// What cbec offers the rest of the server: other features, app.ts, background-jobs.ts and cli.ts import it from here only.
export { CBEC_LIMITS, cbecQuotaYear, checkCbecLimits, describeCbecLimitVerdict, formatYuan } from './cbec-limits.rules.ts';
export type { CbecLimitVerdict, CbecLimits } from './cbec-limits.rules.ts';
export { computeOrderTax, taxPartsOf } from './cbec-tax.rules.ts';
export type { LineTax } from './cbec-tax.rules.ts';
