import type { CSSProperties } from 'react';
import { useTranslation } from 'react-i18next';
import type { StoreProduct } from '../../api/client.ts';
import { useLocale } from '../../i18n/face-language.tsx';
import { pick } from '../../shared/localized.ts';
import { chooseValue, valueState, type ValueState } from './variant-selection.ts';

type PickerProps = { product: StoreProduct; selection: readonly string[]; onChange: (selection: string[]) => void };

/** One row of value buttons per option; a value sold out with the other choices is dashed, one that does not exist is disabled. */
export function VariantPicker({ product, selection, onChange }: PickerProps) {
  const { t } = useTranslation();
  const { locale } = useLocale();
  const { options } = product.content;
  if (options.length === 0) return null;
  return (
    <div data-testid="variant-picker">
      {options.map((option, index) => {
        const name = pick(locale, option.nameZh || option.nameEn, option.nameEn);
        return (
          <div key={option.nameEn} role="radiogroup" aria-label={name} style={{ marginTop: 12 }}>
            <div style={{ fontSize: 13, color: 'var(--adm-color-weak)', marginBottom: 6 }}>{name}</div>
            <div style={{ display: 'flex', flexWrap: 'wrap', gap: 8 }}>
              {option.values.map((value) => {
                const state = valueState(product.variants, selection, index, value.en);
                const chosen = selection[index] === value.en;
                const label = pick(locale, value.zh || value.en, value.en);
                return (
                  <button
                    key={value.en}
                    type="button"
                    role="radio"
                    aria-checked={chosen}
                    data-testid="variant-option"
                    data-option={option.nameEn}
                    data-value={value.en}
                    data-state={state}
                    disabled={state === 'missing'}
                    title={state === 'sold_out' ? t('store.stock.out_of_stock') : undefined}
                    onClick={() => onChange(chooseValue(product.variants, selection, index, value.en))}
                    style={valueStyle(chosen, state)}
                  >
                    {label}
                  </button>
                );
              })}
            </div>
          </div>
        );
      })}
    </div>
  );
}

function valueStyle(chosen: boolean, state: ValueState): CSSProperties {
  return {
    minWidth: 44,
    padding: '5px 12px',
    borderRadius: 6,
    fontSize: 14,
    cursor: state === 'missing' ? 'not-allowed' : 'pointer',
    border: `1px ${state === 'sold_out' ? 'dashed' : 'solid'} ${chosen ? 'var(--adm-color-primary)' : 'var(--adm-color-border)'}`,
    background: chosen ? 'rgba(22, 119, 255, 0.08)' : 'var(--adm-color-background)',
    color: chosen ? 'var(--adm-color-primary)' : state === 'available' ? 'var(--adm-color-text)' : 'var(--adm-color-light)',
    textDecoration: state === 'missing' ? 'line-through' : 'none',
  };
}
