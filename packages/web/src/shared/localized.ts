import { countries, type CountryCode, type Locale } from '@pavilion/contracts';

/** Picks the Chinese or English variant of a bilingual value. */
export function pick<T>(locale: Locale, zh: T, en: T): T {
  return locale === 'zh-CN' ? zh : en;
}

export function countryName(code: CountryCode, locale: Locale): string {
  const names = countries[code];
  return pick(locale, names.zh, names.en);
}

/** "Fiji, Samoa, and Tonga" / "斐济、萨摩亚和汤加": the list punctuation comes from the browser's Intl. */
export function countryNames(codes: readonly CountryCode[], locale: Locale): string {
  const names = codes.map((code) => countryName(code, locale));
  return new Intl.ListFormat(locale, { type: 'conjunction' }).format(names);
}
