import { incotermNames, tradeUnits, type Incoterm, type TradeUnit } from '@pavilion/contracts';
import type { Locale } from '@pavilion/contracts';

const lang = (locale: Locale) => (locale === 'zh-CN' ? 'zh' : 'en');

/** "FOB · Free On Board" / "FOB · 船上交货": the code traders use, with its Incoterms 2020 name. */
export const incotermLabel = (code: Incoterm, locale: Locale): string => `${code} · ${incotermNames[code][lang(locale)]}`;

/** "500 pieces" / "500 件". */
export const quantityLabel = (quantity: number, unit: TradeUnit, locale: Locale): string =>
  `${quantity.toLocaleString(locale)} ${tradeUnits[unit][lang(locale)]}`;

/** A duration in whole seconds as "2 h 05 min" (or "3 d 4 h" beyond a day), for response timers. */
export function durationLabel(seconds: number, units: { d: string; h: string; min: string }): string {
  const days = Math.floor(seconds / 86_400);
  const hours = Math.floor((seconds % 86_400) / 3600);
  const minutes = Math.floor((seconds % 3600) / 60);
  if (days > 0) return `${days} ${units.d} ${hours} ${units.h}`;
  if (hours > 0) return `${hours} ${units.h} ${String(minutes).padStart(2, '0')} ${units.min}`;
  return `${minutes} ${units.min}`;
}
