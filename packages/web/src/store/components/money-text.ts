import { currencies, formatMajor, parseRate, toCnyFen, type Money } from '@pavilion/contracts';

/** "1234567.89" → "1,234,567.89": groups the whole part in thousands, as prices are printed in China. */
export function groupThousands(major: string): string {
  const [whole = '', fraction] = major.split('.');
  const sign = whole.startsWith('-') ? '-' : '';
  const digits = sign === '' ? whole : whole.slice(1);
  const grouped = digits.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  return `${sign}${grouped}${fraction === undefined ? '' : `.${fraction}`}`;
}

/** Fen → "¥1,234.50". */
export function formatYuan(fen: number): string {
  return `¥${groupThousands(formatMajor(fen, 'CNY'))}`;
}

/** An amount in its own currency, with the currency's symbol and minor digits: "Rs 4,500.00", "VT 1,500". */
export function formatMoney(money: Money): string {
  if (money.currency === 'CNY') return formatYuan(money.amount);
  return `${currencies[money.currency].symbol} ${groupThousands(formatMajor(money.amount, money.currency))}`;
}

/**
 * An exporter's amount in fen at a rate the API gave as text ("3.18"), or null when there is no
 * usable rate. Integer arithmetic only (the contracts' toCnyFen), like the server's own prices.
 */
export function yuanAtRate(money: Money, rate: string | null): number | null {
  if (money.currency === 'CNY') return money.amount;
  const micro = rate === null ? null : parseRate(rate);
  return micro === null ? null : toCnyFen(money.amount, money.currency, micro);
}
