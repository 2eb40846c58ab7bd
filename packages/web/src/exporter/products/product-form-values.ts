import { formatMajor, parseMajor, type CountryCode, type CurrencyCode, type ProductContentInput, type StoredProductContent } from '@pavilion/contracts';

/**
 * The product editor's form values and their conversion to the contract's content. Prices are typed
 * in major units as text ("2900.00") and converted with the contract's parseMajor (integers, never
 * floats); everything else has the content's own shape and names, so a server message about
 * `variants.0.sku` lands on the SKU input of the first variant. Erasable TypeScript: node tests it.
 */

type Incoterm = NonNullable<NonNullable<ProductContentInput['b2b']>['incoterms']>[number];
type CustomsMode = NonNullable<ProductContentInput['compliance']['customsModes']>[number];
type CertificationType = StoredProductContent['compliance']['certifications'][number]['type'];
type ELabel = StoredProductContent['eLabel'];

export type VariantValues = { id?: string; sku: string; barcode: string; weightGrams: number | null; price: string; optionValues: string[] };
export type CertificationValues = { type: CertificationType; number: string; issuer: string; expiresOn: string; documentId: string | null };

export type ProductFormValues = {
  titleEn: string;
  titleZh: string;
  subtitleEn: string;
  subtitleZh: string;
  descriptionEn: string;
  descriptionZh: string;
  originStoryEn: string;
  originStoryZh: string;
  categoryId: string | null;
  brandId: string | null;
  tags: string[];
  imageIds: string[];
  currency: CurrencyCode;
  options: { nameEn: string; nameZh: string; values: { en: string; zh: string }[] }[];
  variants: VariantValues[];
  b2b: { moq: number | null; tiers: { minQuantity: number | null; price: string }[]; samplePrice: string; leadTimeDays: number | null; incoterms: Incoterm[] };
  compliance: { hsCode: string; retailSale: boolean; customsModes: CustomsMode[]; indivisible: boolean; originCountry: CountryCode; certifications: CertificationValues[] };
  eLabel: ELabel;
};

export type FieldIssue = { path: string; message: string };
export type MoneyMessages = { required: string; invalid: (currency: CurrencyCode) => string };

const emptyLabel: ELabel = { nameZh: '', ingredientsZh: '', originZh: '', netContentZh: '', shelfLifeZh: '', storageZh: '', importerZh: '' };

export function emptyProductValues(defaults: { currency: CurrencyCode; originCountry: CountryCode }): ProductFormValues {
  return {
    titleEn: '', titleZh: '', subtitleEn: '', subtitleZh: '', descriptionEn: '', descriptionZh: '', originStoryEn: '', originStoryZh: '',
    categoryId: null,
    brandId: null,
    tags: [],
    imageIds: [],
    currency: defaults.currency,
    options: [],
    variants: [{ sku: '', barcode: '', weightGrams: null, price: '', optionValues: [] }],
    b2b: { moq: 1, tiers: [], samplePrice: '', leadTimeDays: 0, incoterms: [] },
    compliance: { hsCode: '', retailSale: true, customsModes: ['9610'], indivisible: false, originCountry: defaults.originCountry, certifications: [] },
    eLabel: { ...emptyLabel },
  };
}

export function toFormValues(content: StoredProductContent): ProductFormValues {
  const money = (amount: number) => formatMajor(amount, content.currency);
  return {
    ...content,
    options: content.options.map((option) => ({ ...option, values: option.values.map((value) => ({ ...value })) })),
    variants: content.variants.map((v) => ({ id: v.id, sku: v.sku, barcode: v.barcode, weightGrams: v.weightGrams, price: money(v.priceMinor), optionValues: [...v.optionValues] })),
    b2b: {
      moq: content.b2b.moq,
      tiers: content.b2b.tiers.map((tier) => ({ minQuantity: tier.minQuantity, price: money(tier.priceMinor) })),
      samplePrice: content.b2b.samplePriceMinor === null ? '' : money(content.b2b.samplePriceMinor),
      leadTimeDays: content.b2b.leadTimeDays,
      incoterms: [...content.b2b.incoterms],
    },
    compliance: {
      ...content.compliance,
      // Content saved before the declaration existed has none: not indivisible.
      indivisible: content.compliance.indivisible === true,
      certifications: content.compliance.certifications.map((c) => ({ ...c, expiresOn: c.expiresOn ?? '' })),
    },
    eLabel: { ...content.eLabel },
  };
}

/** The form's values as the content the API takes, with a message for each price it cannot read. */
export function toContent(values: ProductFormValues, messages: MoneyMessages): { body: unknown; issues: FieldIssue[] } {
  const issues: FieldIssue[] = [];
  const { currency } = values;
  const money = (text: string, path: string, optional: boolean): number | null => {
    if (text.trim() === '') {
      if (!optional) issues.push({ path, message: messages.required });
      return null;
    }
    const amount = parseMajor(text, currency);
    if (amount === null) issues.push({ path, message: messages.invalid(currency) });
    return amount;
  };
  // Numbers left empty read "is required" rather than zod's "expected number, received null".
  const whole = (value: number | null, path: string): number | null => {
    if (value === null) issues.push({ path, message: messages.required });
    return value;
  };
  const body = {
    ...values,
    categoryId: values.categoryId ?? '',
    variants: values.variants.map((v, i) => ({
      ...(v.id === undefined ? {} : { id: v.id }),
      sku: v.sku,
      barcode: v.barcode,
      weightGrams: whole(v.weightGrams, `variants.${i}.weightGrams`),
      priceMinor: money(v.price, `variants.${i}.price`, false),
      optionValues: v.optionValues.slice(0, values.options.length),
    })),
    b2b: {
      moq: whole(values.b2b.moq, 'b2b.moq'),
      tiers: values.b2b.tiers.map((tier, i) => ({ minQuantity: whole(tier.minQuantity, `b2b.tiers.${i}.minQuantity`), priceMinor: money(tier.price, `b2b.tiers.${i}.price`, false) })),
      samplePriceMinor: money(values.b2b.samplePrice, 'b2b.samplePrice', true),
      leadTimeDays: whole(values.b2b.leadTimeDays, 'b2b.leadTimeDays'),
      incoterms: values.b2b.incoterms,
    },
    compliance: {
      ...values.compliance,
      certifications: values.compliance.certifications.map((c) => ({ ...c, expiresOn: c.expiresOn.trim() === '' ? null : c.expiresOn.trim() })),
    },
  };
  return { body, issues };
}

/** Where a content path is edited in the form: prices are typed as text under their own names. */
export function formPathOf(path: string): string {
  return path.replace(/\.priceMinor$/, '.price').replace(/^b2b\.samplePriceMinor$/, 'b2b.samplePrice');
}
