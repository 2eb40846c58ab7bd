import { useState } from 'react';
import { Button, Card, Col, Row, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { endpoints, maxFeatured, type ExporterSummary } from '@pavilion/contracts';
import { api } from '../../api/client.ts';
import { useCachedQuery } from '../../api/query.ts';
import { OrderedPicker } from '../../console/ordered-picker.tsx';
import { useAction } from '../../console/use-action.ts';
import { useLocale } from '../../i18n/face-language.tsx';
import { pick } from '../../shared/localized.ts';
import type { PavilionContent } from '../operator-api.ts';

type FeaturesCardProps = { pavilion: PavilionContent; exporters: readonly ExporterSummary[]; onSaved: (pavilion: PavilionContent) => void };

/** The exporters and products the pavilion page features first, in order (approved exporters, published products). */
export function FeaturesCard({ pavilion, exporters, onSaved }: FeaturesCardProps) {
  const { t } = useTranslation();
  const { locale } = useLocale();
  const [exporterIds, setExporterIds] = useState<string[]>(pavilion.featuredExporterIds);
  const [productIds, setProductIds] = useState<string[]>(pavilion.featuredProductIds);
  const { run, running } = useAction();
  // Keyed by the ids' text: saving the pavilion answers a new array with the same ids, which needs no reload.
  const featuredKey = pavilion.featuredProductIds.join(',');
  // Published products of the pavilion as the storefront lists them (to pick featured ones), after the
  // ones already featured, which may lie beyond the first page.
  const products = useCachedQuery(['featured product options', pavilion.slug, featuredKey], async () => {
    const [page, featured] = await Promise.all([
      api(endpoints.store.getProducts, { query: { pavilion: pavilion.slug, limit: 60 } }),
      featuredKey === '' ? Promise.resolve({ items: [], nextCursor: null }) : api(endpoints.store.getProducts, { query: { ids: featuredKey, limit: 60 } }),
    ]);
    return [...featured.items, ...page.items.filter((item) => !featured.items.some((other) => other.id === item.id))];
  });
  const productOptions = (products.status === 'done' ? products.data : []).map((item) => ({ value: item.id, label: `${pick(locale, item.titleZh, item.titleEn)} · ${pick(locale, item.exporter.nameZh, item.exporter.nameEn)}` }));
  const exporterOptions = exporters.filter((exporter) => exporter.status === 'approved').map((exporter) => ({ value: exporter.id, label: pick(locale, exporter.tradingNameZh, exporter.tradingNameEn) }));
  const save = () => run('features', async () => onSaved(await api(endpoints.operator.setPavilionFeatures, { params: { id: pavilion.id }, body: { exporterIds, productIds } })), t('operator.pavilion.featuresSaved'));
  return (
    <Card
      title={t('operator.pavilion.features')}
      data-testid="features-card"
      extra={<Button type="primary" loading={running === 'features'} onClick={() => void save()} data-testid="save-features">{t('console.save')}</Button>}
    >
      <Row gutter={24}>
        <Col xs={24} lg={12}>
          <Typography.Title level={5}>{t('operator.pavilion.featuredExporters')}</Typography.Title>
          <OrderedPicker value={exporterIds} onChange={setExporterIds} options={exporterOptions} max={maxFeatured} testId="featured-exporters" />
        </Col>
        <Col xs={24} lg={12}>
          <Typography.Title level={5}>{t('operator.pavilion.featuredProducts')}</Typography.Title>
          <OrderedPicker value={productIds} onChange={setProductIds} options={productOptions} max={maxFeatured} testId="featured-products" />
        </Col>
      </Row>
    </Card>
  );
}
