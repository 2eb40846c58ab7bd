import type { CurrencyCode } from '@pavilion/contracts';

/** The importer company's columns that inquiries and RFQs both show (joined as `c`), named as companyCard reads them. */
export const companyColumns = ['c.name_zh as company_name_zh', 'c.name_en as company_name_en', 'c.verified_at as company_verified_at'] as const;

/** An importer company as the other side sees it: its names and whether an operator verified it. */
export const companyCard = (r: { company_name_zh: string; company_name_en: string | null; company_verified_at: string | null }) => ({
  nameZh: r.company_name_zh,
  nameEn: r.company_name_en,
  verified: r.company_verified_at !== null,
});

/** The importer's target price, when it gave one (amount and currency are two nullable columns of inquiries and RFQs). */
export const targetPriceOf = (r: { target_price_minor: number | null; target_currency: CurrencyCode | null }) =>
  r.target_price_minor !== null && r.target_currency ? { amount: r.target_price_minor, currency: r.target_currency } : null;
