import { useState } from 'react';
import { Badge, Button, Popup, Selector, Tabs } from 'antd-mobile';
import { useTranslation } from 'react-i18next';
import { listingSorts, type CountryCode, type PavilionSummary } from '@pavilion/contracts';
import { useLocale } from '../../i18n/face-language.tsx';
import { countryName, pick } from '../../shared/localized.ts';
import type { ListingParams } from './listing-params.ts';

/** The tabs' order: what buyers reach for first (listingSorts is the API's order). */
const sortTabs = ['newest', 'popular', 'price_asc', 'price_desc'] as const satisfies readonly (typeof listingSorts)[number][];

type ToolbarProps = {
  params: ListingParams;
  pavilions: readonly PavilionSummary[];
  onChange: (values: Partial<ListingParams>) => void;
};

/** Sort tabs and a filter button opening a drawer with the pavilion and the country of origin. */
export function ListingToolbar({ params, pavilions, onChange }: ToolbarProps) {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  const active = Number(params.pavilion !== undefined) + Number(params.country !== undefined);
  return (
    <div style={{ display: 'flex', alignItems: 'center', background: 'var(--adm-color-background)', borderRadius: 8, marginBottom: 10 }}>
      <Tabs
        activeKey={params.sort}
        onChange={(key) => onChange({ sort: listingSorts.find((sort) => sort === key) ?? 'newest' })}
        style={{ flex: 1, minWidth: 0, '--title-font-size': '14px', '--content-padding': '0' }}
      >
        {sortTabs.map((sort) => (
          <Tabs.Tab key={sort} title={<span data-testid={`sort-${sort}`}>{t(`store.listing.sort.${sort}` as const)}</span>} />
        ))}
      </Tabs>
      <Badge content={active > 0 ? active : null} style={{ '--right': '6px', '--top': '6px' }}>
        <Button fill="none" size="small" data-testid="filter-button" onClick={() => setOpen(true)} style={{ flex: 'none' }}>
          {t('store.listing.filter')}
        </Button>
      </Badge>
      <Popup visible={open} onMaskClick={() => setOpen(false)} position="bottom" bodyStyle={{ borderRadius: '12px 12px 0 0' }} destroyOnClose>
        <FilterDrawer params={params} pavilions={pavilions} onApply={(values) => { setOpen(false); onChange(values); }} />
      </Popup>
    </div>
  );
}

type Filters = { pavilion: string | undefined; country: CountryCode | undefined };

function FilterDrawer({ params, pavilions, onApply }: { params: ListingParams; pavilions: readonly PavilionSummary[]; onApply: (values: Filters) => void }) {
  const { t } = useTranslation();
  const { locale } = useLocale();
  const [pavilion, setPavilion] = useState(params.pavilion);
  const [country, setCountry] = useState(params.country);
  // The countries on offer are those of the chosen pavilion, or of every pavilion.
  const chosen = pavilions.filter((item) => pavilion === undefined || item.slug === pavilion);
  const countries = [...new Set(chosen.flatMap((item) => item.countries))];
  const any = { label: t('store.listing.any'), value: '' };
  const heading = { fontSize: 15, margin: '16px 0 8px' };
  return (
    <div data-testid="filter-drawer" style={{ padding: '4px 16px 16px', maxHeight: '75vh', overflowY: 'auto' }}>
      <h2 style={heading}>{t('store.listing.pavilion')}</h2>
      <Selector
        columns={2}
        value={[pavilion ?? '']}
        options={[any, ...pavilions.map((item) => ({ label: pick(locale, item.nameZh, item.nameEn), value: item.slug }))]}
        onChange={(values) => {
          const next = values[0] || undefined;
          setPavilion(next);
          const nextCountries = pavilions.filter((item) => next === undefined || item.slug === next).flatMap((item) => item.countries);
          if (country !== undefined && !nextCountries.includes(country)) setCountry(undefined);
        }}
      />
      <h2 style={heading}>{t('store.listing.country')}</h2>
      <Selector
        columns={3}
        value={[country ?? '']}
        options={[any, ...countries.map((code) => ({ label: countryName(code, locale), value: code }))]}
        onChange={(values) => setCountry(countries.find((code) => code === values[0]))}
      />
      <div style={{ display: 'flex', gap: 12, marginTop: 20 }}>
        <Button block onClick={() => onApply({ pavilion: undefined, country: undefined })}>
          {t('store.listing.reset')}
        </Button>
        <Button block color="primary" data-testid="filter-apply" onClick={() => onApply({ pavilion, country })}>
          {t('store.listing.apply')}
        </Button>
      </div>
    </div>
  );
}
