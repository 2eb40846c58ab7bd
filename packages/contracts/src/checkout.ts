import { z } from 'zod';
import { singleLineText } from './text.ts';
import { mainlandMobileSchema } from './auth.ts';
import type { Locale } from './locale.ts';
import { normaliseBuyerName, parseResidentId, type ResidentIdProblem } from './resident-id.ts';
import { validationMessages as m } from './validation.ts';

const residentIdMessages = {
  format: m.residentIdFormat.en,
  region: m.residentIdFormat.en,
  birth_date: m.residentIdBirthDate.en,
  check_digit: m.residentIdCheckDigit.en,
} as const satisfies Record<ResidentIdProblem, string>;

/**
 * The buyer's resident ID number (GB 11643-1999), normalised (a final x upper-cased). Sensitive
 * personal information under PIPL art. 28: it is only ever accepted, never answered; responses carry
 * the masked form (110101********1234).
 */
export const residentIdNumberSchema = z
  .string()
  .max(40)
  .transform((value, ctx) => {
    const parsed = parseResidentId(value, new Date());
    if (parsed.ok) return parsed.value;
    ctx.issues.push({ code: 'custom', message: residentIdMessages[parsed.problem], input: value });
    return z.NEVER;
  });

/** The buyer's name as on the ID card: 2–30 Chinese characters, · between the parts of a transcribed name. */
export const buyerNameSchema = z
  .string()
  .max(100)
  .transform((value, ctx) => {
    const name = normaliseBuyerName(value);
    if (name !== null) return name;
    ctx.issues.push({ code: 'custom', message: m.buyerName.en, input: value });
    return z.NEVER;
  });

/**
 * The real-name buyer (订购人) of a CBEC order (海关总署公告2018年第194号). Without independent
 * verification the payer must be this same person, which the payment step checks.
 */
export const buyerIdentitySchema = z
  .object({
    name: buyerNameSchema,
    idNumber: residentIdNumberSchema,
    /** PIPL art. 29: separate consent to process the ID number for the customs declaration. */
    consentToIdentityUse: z.literal(true),
  })
  .strict();
export type BuyerIdentity = z.output<typeof buyerIdentitySchema>;

/** A GB/T 2260 administrative division code; whether it exists is checked by the server's dataset. */
export const chinaDivisionCodeSchema = z.string().trim().regex(/^\d{6}$/, { message: m.chinaDivisionCode.en });

/**
 * The consignee (收货人) and the delivery address in mainland China. The city code is optional: a
 * WeChat address gives only the district (its nationalCode), and the server derives the rest.
 */
export const consigneeSchema = z
  .object({
    name: singleLineText(50).min(1, { message: m.required.en }),
    phone: mainlandMobileSchema,
    provinceCode: chinaDivisionCodeSchema.optional(),
    cityCode: chinaDivisionCodeSchema.optional(),
    districtCode: chinaDivisionCodeSchema,
    /** Street, building and room, below the district. */
    street: singleLineText(200).min(1, { message: m.required.en }),
  })
  .strict();
export type Consignee = z.output<typeof consigneeSchema>;

/**
 * What the buyer reads when the CBEC limits (财关税〔2018〕49号) refuse an order or change its tax.
 * Placeholders in braces are filled by `formatCheckoutMessage` with amounts already formatted.
 */
export const checkoutMessages = {
  /** More than 5,000 per order and not a single indivisible item. */
  orderLimitExceeded: {
    en: 'The dutiable value of this order is ¥{value}, ¥{over} over the ¥{limit} allowed for one cross-border order. Please remove items.',
    zh: '本单完税价格为 ¥{value}，超出跨境电商单次交易限值 ¥{limit}，超出 ¥{over}，请减少商品。',
  },
  /** The order would take the buyer's calendar-year total over 26,000. */
  annualQuotaExceeded: {
    en: 'This order (¥{value}) would take the buyer over the ¥{limit} cross-border allowance for {year} by ¥{over}. ¥{remaining} of the allowance remains this year.',
    zh: '本单 ¥{value} 将使订购人超出 {year} 年度跨境电商交易限值 ¥{limit}，超出 ¥{over}；本年度剩余额度为 ¥{remaining}。',
  },
  /** Accepted: one indivisible item above 5,000, taxed at full general-trade rates. */
  singleItemFullTax: {
    en: 'This single item is over ¥{limit}: it may still be bought cross-border, but it is taxed at the full general-trade rates (no 30% reduction), and it counts toward the yearly allowance.',
    zh: '单件不可分割商品完税价格超过 ¥{limit}，仍可通过跨境电商购买，但按货物税率全额征收关税、进口环节增值税和消费税，并计入年度交易限值。',
  },
} as const satisfies Record<string, { en: string; zh: string }>;

export type CheckoutMessageKey = keyof typeof checkoutMessages;

/** Fills a checkout message's placeholders; unknown placeholders are left as they are, visibly. */
export function formatCheckoutMessage(key: CheckoutMessageKey, locale: Locale, values: Record<string, string | number>): string {
  const template = checkoutMessages[key][locale === 'en' ? 'en' : 'zh'];
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => (name in values ? String(values[name]) : whole));
}
