import { currencies, formatMajor, type CurrencyCode } from '@pavilion/contracts';

/** "Rs 2,900.00", "VT 1,500", "¥12.50": the contract's formatMajor with the thousands grouped. */
export function formatMoney(amount: number, currency: CurrencyCode): string {
  const [whole = '', fraction] = formatMajor(amount, currency).split('.');
  const grouped = whole.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  return `${currencies[currency].symbol} ${fraction === undefined ? grouped : `${grouped}.${fraction}`}`;
}

/** Basis points as a percentage: 1300 → "13%", 950 → "9.5%" (integers only, no float rounding). */
export function formatBp(bp: number): string {
  const whole = Math.trunc(bp / 100);
  const rest = String(Math.abs(bp % 100)).padStart(2, '0').replace(/0+$/, '');
  return rest === '' ? `${whole}%` : `${whole}.${rest}%`;
}

/** "13" → 1300, "9.5" → 950, "0.01" → 1; null for anything else (more than 2 decimals, signs, words). */
export function parsePercent(text: string): number | null {
  const match = /^(\d{1,3})(?:\.(\d{1,2}))?$/.exec(text.trim().replace(/%$/, '').trim());
  if (match === null) return null;
  return Number(match[1]) * 100 + Number((match[2] ?? '').padEnd(2, '0'));
}
