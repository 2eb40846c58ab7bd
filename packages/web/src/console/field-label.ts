import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';

const isIndex = (part: string) => /^\d+$/.test(part);
const camel = (parts: readonly string[]) =>
  parts.map((part, i) => (i === 0 ? part : `${part.charAt(0).toUpperCase()}${part.slice(1)}`)).join('');

/**
 * How a field path of a product (or an application) reads: `variants.1.priceMinor` → "Price #2",
 * `eLabel.nameZh` → "E-label: product name". Labels are looked up by the path without its indexes
 * (`variantsPriceMinor`), then by its last name; an unknown path reads as itself.
 */
export function useFieldLabel() {
  const { t } = useTranslation();
  const labels: Partial<Record<string, string>> = t('console.fields', { returnObjects: true });
  return useCallback(
    (path: string) => {
      const parts = path.split('.');
      const names = parts.filter((part) => !isIndex(part));
      const indexes = parts.filter(isIndex).map((part) => `#${Number(part) + 1}`);
      const label = labels[camel(names)] ?? labels[names.at(-1) ?? ''] ?? path;
      return [label, ...indexes].join(' ');
    },
    [labels],
  );
}
