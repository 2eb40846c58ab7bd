import { formatMajor, parseMajor, validationMessages, type CurrencyCode, type Incoterm, type Locale } from '@pavilion/contracts';
import type { Converted } from '../../console/use-console-form.ts';
import type { ExporterQuote } from './trade-api.ts';

/** The quote editor's values: prices typed in the currency's major unit ("10.50"), as exporters write them. */
export type QuoteValues = {
  currency: CurrencyCode;
  tiers: Array<{ minQuantity: number | null; price: string }>;
  incoterm: Incoterm;
  port: string;
  leadTimeDays: number | null;
  validUntil: string;
  ttOffered: boolean;
  ttDepositPercent: number | null;
  letterOfCredit: boolean;
  sampleAvailable: boolean;
  samplePrice: string;
  notes: string;
};

export function quoteValuesOf(quote: ExporterQuote | null, defaults: { currency: CurrencyCode; incoterm: Incoterm; minQuantity: number; validUntil: string }): QuoteValues {
  if (quote === null) {
    return {
      currency: defaults.currency,
      tiers: [{ minQuantity: defaults.minQuantity, price: '' }],
      incoterm: defaults.incoterm,
      port: '',
      leadTimeDays: 30,
      validUntil: defaults.validUntil,
      ttOffered: true,
      ttDepositPercent: 30,
      letterOfCredit: false,
      sampleAvailable: false,
      samplePrice: '',
      notes: '',
    };
  }
  return {
    currency: quote.currency,
    tiers: quote.tiers.map((tier) => ({ minQuantity: tier.minQuantity, price: formatMajor(tier.unitPriceMinor, quote.currency) })),
    incoterm: quote.incoterm,
    port: quote.port,
    leadTimeDays: quote.leadTimeDays,
    validUntil: quote.validUntil,
    ttOffered: quote.ttDepositPercent !== null,
    ttDepositPercent: quote.ttDepositPercent,
    letterOfCredit: quote.letterOfCredit,
    sampleAvailable: quote.sampleAvailable,
    samplePrice: quote.samplePriceMinor === null ? '' : formatMajor(quote.samplePriceMinor, quote.currency),
    notes: quote.notes,
  };
}

/** Values → the contract's quote body; a price that cannot be read in the currency is an issue on its field. */
export function quoteBodyOf(values: QuoteValues, locale: Locale): Converted {
  const issues: Converted['issues'] = [];
  const unreadable = locale === 'zh-CN' ? validationMessages.required.zh : validationMessages.required.en;
  const tiers = values.tiers.map((tier, index) => {
    const unitPriceMinor = parseMajor(tier.price, values.currency);
    if (unitPriceMinor === null) issues.push({ path: `tiers.${index}.price`, message: unreadable });
    return { minQuantity: tier.minQuantity, unitPriceMinor };
  });
  let samplePriceMinor: number | null = null;
  if (values.sampleAvailable && values.samplePrice.trim() !== '') {
    samplePriceMinor = parseMajor(values.samplePrice, values.currency);
    if (samplePriceMinor === null) issues.push({ path: 'samplePrice', message: unreadable });
  }
  return {
    body: {
      currency: values.currency,
      tiers,
      incoterm: values.incoterm,
      port: values.port,
      leadTimeDays: values.leadTimeDays,
      validUntil: values.validUntil,
      ttDepositPercent: values.ttOffered ? values.ttDepositPercent : null,
      letterOfCredit: values.letterOfCredit,
      sampleAvailable: values.sampleAvailable,
      samplePriceMinor,
      notes: values.notes,
    },
    issues,
  };
}

/** Where the server's field names are shown in the editor. */
export const quoteFormPath = (path: string): string => path.replace(/^tiers\.(\d+)\.unitPriceMinor$/, 'tiers.$1.price').replace(/^samplePriceMinor$/, 'samplePrice');
