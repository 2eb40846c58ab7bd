import { useCallback } from 'react';
import { Card, ErrorBlock, List } from 'antd-mobile';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import { api, type PavilionDetail } from '../api/client.ts';
import { useLocale } from '../i18n/face-language.tsx';
import { countryName, countryNames, pick } from '../shared/localized.ts';
import { useApi } from '../shared/use-api.ts';
import { StoreError, StoreLoading, StorePage } from './store-ui.tsx';

/** One pavilion: its introduction and its approved exporters. */
export function PavilionPage() {
  const { slug = '' } = useParams();
  const { locale } = useLocale();
  const load = useCallback(() => api.getStorePavilion(slug), [slug]);
  const pavilion = useApi(load);
  const title = pavilion.status === 'done' ? pick(locale, pavilion.data.nameZh, pavilion.data.nameEn) : 'Pavilion';
  return (
    <StorePage title={title} backTo="/">
      {pavilion.status === 'loading' && <StoreLoading />}
      {pavilion.status === 'failed' && <StoreError error={pavilion.error} onRetry={pavilion.reload} />}
      {pavilion.status === 'done' && <PavilionDetails pavilion={pavilion.data} />}
    </StorePage>
  );
}

function PavilionDetails({ pavilion }: { pavilion: PavilionDetail }) {
  const { t } = useTranslation();
  const { locale } = useLocale();
  return (
    <>
      <Card style={{ marginBottom: 12 }}>
        <h1 data-testid="store-pavilion-name" style={{ fontSize: 20, margin: '0 0 4px' }}>
          {pick(locale, pavilion.nameZh, pavilion.nameEn)}
        </h1>
        <p style={{ margin: '0 0 8px', color: 'var(--adm-color-weak)' }}>{pick(locale, pavilion.taglineZh, pavilion.taglineEn)}</p>
        <p style={{ margin: 0, fontSize: 13 }}>
          {t('store.pavilion.countries', { names: countryNames(pavilion.countries, locale) })}
        </p>
      </Card>
      <Card title={t('store.pavilion.intro')} style={{ marginBottom: 12 }}>
        <p style={{ whiteSpace: 'pre-line', margin: 0, lineHeight: 1.6 }}>{pick(locale, pavilion.introZh, pavilion.introEn)}</p>
      </Card>
      <List header={t('store.pavilion.exporters')} mode="card" style={{ margin: 0 }}>
        {pavilion.exporters.map((exporter) => (
          <List.Item
            key={exporter.id}
            data-testid="store-exporter"
            description={
              <>
                <div>{exporter.legalName}</div>
                <div>{t('store.pavilion.exporterPlace', { city: exporter.city, country: countryName(exporter.country, locale) })}</div>
              </>
            }
          >
            {pick(locale, exporter.tradingNameZh, exporter.tradingNameEn)}
          </List.Item>
        ))}
      </List>
      {pavilion.exporters.length === 0 && <ErrorBlock status="empty" title={t('store.pavilion.noExporters')} description={null} />}
    </>
  );
}
