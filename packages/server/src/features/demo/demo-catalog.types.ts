import type { CountryCode, CurrencyCode } from '@pavilion/contracts';

/** The shape of the demo catalog data (demo-catalog-data.ts): plain values, turned into products by the seed. */
export interface DemoVariant {
  sku: string;
  /** Price in the major unit of the product's currency, as text: "4500.00" (PKR), "1500" (VUV). */
  price: string;
  weightGrams: number;
  /** One English value per option, in order. */
  optionValues?: string[];
  /** Units on hand in the exporter's origin warehouse (and `bondedStock` in the bonded one, if any). */
  stock: number;
  bondedStock?: number;
  barcode?: string;
}

export interface DemoProduct {
  /** The exporter's member email in demo-data.ts (its key). */
  exporter: string;
  titleEn: string;
  titleZh: string;
  subtitleEn: string;
  subtitleZh: string;
  /** Plain paragraphs; the seed wraps each in <p>. */
  descriptionEn: string[];
  descriptionZh: string[];
  originStoryEn: string;
  originStoryZh: string;
  /** A category id (slug) from the base category tree. */
  category: string;
  tags: string[];
  currency: CurrencyCode;
  options?: Array<{ nameEn: string; nameZh: string; values: Array<{ en: string; zh: string }> }>;
  variants: DemoVariant[];
  hsCode: string;
  customsModes: Array<'9610' | '1210'>;
  /** False for goods sold to importers only (not on the Positive List). Default true. */
  retailSale?: boolean;
  /** One unit is one indivisible good (the single-item exception may apply). Default false, as for any product that does not say. */
  indivisible?: boolean;
  originCountry: CountryCode;
  eLabel: { nameZh: string; ingredientsZh?: string; originZh: string; netContentZh: string; shelfLifeZh?: string; storageZh?: string; importerZh?: string };
  b2b: { moq: number; tiers: Array<{ minQuantity: number; price: string }>; samplePrice: string | null; leadTimeDays: number; incoterms: Array<'EXW' | 'FOB' | 'CIF' | 'DDP'> };
  certifications?: Array<{ type: 'halal' | 'organic' | 'fair_trade' | 'gacc' | 'haccp' | 'iso22000' | 'other'; number: string; issuer: string; expiresOn: string | null }>;
  /** How the generated picture looks: two colours and a motif; every product's picture differs. */
  art: { background: string; accent: string; motif: DemoMotif };
  /** Days before the seed date it was published (for "new arrivals"). */
  publishedDaysAgo: number;
  /** Units sold so far, for "best selling". */
  salesCount: number;
}

export type DemoMotif =
  | 'vase' | 'plate' | 'tile' | 'shawl' | 'ball' | 'glove' | 'sandal' | 'lamp' | 'jar' | 'bottle'
  | 'bag' | 'bar' | 'bean' | 'pod' | 'pearl' | 'cloth' | 'bowl' | 'box' | 'leaf' | 'drop';

export interface DemoHsRate {
  hsCode: string;
  descriptionEn: string;
  descriptionZh: string;
  vatRateBp: number;
  consumptionTaxRateBp: number;
  /** MFN tariff, basis points; absent: not entered (only the single item taxed in full needs it). */
  tariffRateBp?: number;
  retailEligible: boolean;
  retailModes: 'both' | '1210';
}

export interface DemoRate {
  currency: CurrencyCode;
  rate: string;
  effectiveDate: string;
  source: string;
}
