import { z } from 'zod';
import type { LocalizedText } from './locale.ts';

/** The countries Pavilion's pavilions come from (ISO 3166-1 alpha-2), named in both languages. */
export const countries = {
  PK: { en: 'Pakistan', zh: '巴基斯坦' },
  FJ: { en: 'Fiji', zh: '斐济' },
  WS: { en: 'Samoa', zh: '萨摩亚' },
  TO: { en: 'Tonga', zh: '汤加' },
  VU: { en: 'Vanuatu', zh: '瓦努阿图' },
  PG: { en: 'Papua New Guinea', zh: '巴布亚新几内亚' },
  SB: { en: 'Solomon Islands', zh: '所罗门群岛' },
  CK: { en: 'Cook Islands', zh: '库克群岛' },
  NU: { en: 'Niue', zh: '纽埃' },
  KI: { en: 'Kiribati', zh: '基里巴斯' },
  TV: { en: 'Tuvalu', zh: '图瓦卢' },
  NR: { en: 'Nauru', zh: '瑙鲁' },
  FM: { en: 'Micronesia', zh: '密克罗尼西亚' },
  MH: { en: 'Marshall Islands', zh: '马绍尔群岛' },
  PW: { en: 'Palau', zh: '帕劳' },
  CN: { en: 'China', zh: '中国' },
} as const satisfies Record<string, LocalizedText>;

export type CountryCode = keyof typeof countries;
export const countryCodes = Object.keys(countries) as [CountryCode, ...CountryCode[]];
export const countryCodeSchema = z.enum(countryCodes);
