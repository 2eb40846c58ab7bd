/**
 * Choosing a variant by its option values (pure, so it is tested without a browser). Variants name
 * their values by the options' English texts, in the options' order.
 */

export type StockState = 'in_stock' | 'low' | 'out_of_stock';
export interface SelectableVariant {
  optionValues: readonly string[];
  stock: StockState;
}

export type ValueState = 'available' | 'sold_out' | 'missing';

const sameValues = (a: readonly string[], b: readonly string[]) => a.length === b.length && a.every((value, i) => value === b[i]);

/** The first variant that can be sent, else the first one: what a product page opens with. */
export function initialSelection(variants: readonly SelectableVariant[]): string[] {
  const first = variants.find((variant) => variant.stock !== 'out_of_stock') ?? variants[0];
  return first === undefined ? [] : [...first.optionValues];
}

export function findVariant<V extends SelectableVariant>(variants: readonly V[], selection: readonly string[]): V | undefined {
  return variants.find((variant) => sameValues(variant.optionValues, selection));
}

/** What choosing `value` for option `index` would lead to, the other choices kept. */
export function valueState(variants: readonly SelectableVariant[], selection: readonly string[], index: number, value: string): ValueState {
  const candidate = selection.map((chosen, i) => (i === index ? value : chosen));
  const variant = findVariant(variants, candidate);
  if (variant === undefined) return 'missing';
  return variant.stock === 'out_of_stock' ? 'sold_out' : 'available';
}

/**
 * Chooses `value` for option `index`. When no variant has that value with the other choices kept
 * (red exists in S only, say), the selection moves to a variant that has it, one in stock first,
 * so a selection always names a real variant.
 */
export function chooseValue(variants: readonly SelectableVariant[], selection: readonly string[], index: number, value: string): string[] {
  const candidate = selection.map((chosen, i) => (i === index ? value : chosen));
  if (findVariant(variants, candidate) !== undefined) return candidate;
  const withValue = variants.filter((variant) => variant.optionValues[index] === value);
  const next = withValue.find((variant) => variant.stock !== 'out_of_stock') ?? withValue[0];
  return next === undefined ? [...selection] : [...next.optionValues];
}
