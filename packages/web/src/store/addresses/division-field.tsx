import { endpoints } from '@pavilion/contracts';
import { useCallback, useState } from 'react';
import { Cascader, Toast, type CascaderOption } from 'antd-mobile';
import { useTranslation } from 'react-i18next';
import { useLocale } from '../../i18n/face-language.tsx';
import { errorText } from '../../shared/errors.ts';
import type { Division } from '../checkout/buying-api.ts';
import { divisionLabel } from './address-text.ts';
import { api } from '../../api/client.ts';

/** Province, city (prefecture level) and district: the three levels of GB/T 2260 the address book uses. */
const LEVELS = 3;

export type DivisionChoice = { provinceCode: string; cityCode: string; districtCode: string; label: string };

type Props = { value: DivisionChoice | null; onChange: (value: DivisionChoice) => void; invalid: boolean; describedBy: string };

/**
 * The region of an address, chosen level by level in a cascader whose lists are read from
 * /api/store/divisions when a level opens (the whole country would be a large download).
 */
export function DivisionField({ value, onChange, invalid, describedBy }: Props) {
  const { t } = useTranslation();
  const { locale } = useLocale();
  const [visible, setVisible] = useState(false);
  const [lists, setLists] = useState<ReadonlyMap<string, Division[]>>(new Map());
  const [loading, setLoading] = useState(false);
  const [picked, setPicked] = useState<string[]>(value === null ? [] : [value.provinceCode, value.cityCode, value.districtCode]);

  const load = useCallback(async (parents: readonly (string | null)[]) => {
    setLoading(true);
    try {
      const answers = await Promise.all(parents.map(async (parent) => [parent ?? 'root', (await api(endpoints.store.getDivisions, { query: { parent: parent ?? undefined } })).items] as const));
      setLists((current) => new Map([...current, ...answers]));
    } catch (error) {
      Toast.show({ content: errorText(error, locale) });
    } finally {
      setLoading(false);
    }
  }, [locale]);

  const open = () => {
    setVisible(true);
    // The lists along the current choice, so the cascader opens on it.
    const path = [null, ...picked.slice(0, LEVELS - 1)].filter((parent) => !lists.has(parent ?? 'root'));
    if (path.length > 0) void load(path);
  };

  const options = buildOptions(lists, 'root', 0);
  return (
    <>
      <button
        type="button"
        data-testid="address-region"
        aria-invalid={invalid}
        aria-describedby={describedBy}
        onClick={open}
        style={{ all: 'unset', cursor: 'pointer', display: 'block', width: '100%', fontSize: 15, color: value === null ? 'var(--adm-color-light)' : 'var(--adm-color-text)' }}
      >
        {value === null ? t('store.addresses.regionPlaceholder') : value.label}
      </button>
      <Cascader
        data-testid="region-cascader"
        title={t('store.addresses.region')}
        options={options}
        value={picked}
        visible={visible}
        loading={loading}
        onClose={() => setVisible(false)}
        onSelect={(next) => {
          const codes = next.map(String);
          setPicked(codes);
          const last = codes.at(-1);
          if (last !== undefined && codes.length < LEVELS && !lists.has(last)) void load([last]);
        }}
        onConfirm={(next, extend) => {
          const codes = next.map(String);
          const [provinceCode, cityCode, districtCode] = codes;
          if (provinceCode === undefined || cityCode === undefined || districtCode === undefined) {
            Toast.show({ content: t('store.addresses.regionIncomplete') });
            return;
          }
          onChange({ provinceCode, cityCode, districtCode, label: divisionLabel(extend.items.map((item) => item?.label ?? '')) });
        }}
      />
    </>
  );
}

/** A level's options; a node not read yet has an empty list, filled when it is chosen. */
function buildOptions(lists: ReadonlyMap<string, Division[]>, parent: string, depth: number): CascaderOption[] {
  return (lists.get(parent) ?? []).map((division) => ({
    label: division.name,
    value: division.code,
    children: depth + 1 < LEVELS ? buildOptions(lists, division.code, depth + 1) : undefined,
  }));
}
