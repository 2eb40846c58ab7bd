import { Card, Col, Row, Select } from 'antd';
import { useTranslation } from 'react-i18next';
import { currencies, currencyCodes, type Brand } from '@pavilion/contracts';
import { CategorySelect } from '../../../console/category-select.tsx';
import type { CategoryTree } from '../../../console/console-api.ts';
import { useLocale } from '../../../i18n/face-language.tsx';
import { pick } from '../../../shared/localized.ts';
import { ProductField } from '../product-notes.tsx';

type ClassificationSectionProps = { tree: CategoryTree | null; brands: readonly Brand[] };

/** Category, brand, tags and the currency the prices are in. */
export function ClassificationSection({ tree, brands }: ClassificationSectionProps) {
  const { t } = useTranslation();
  const { locale } = useLocale();
  return (
    <Card title={t('exporter.product.sections.classification')} id="product-classification">
      <Row gutter={24}>
        <Col xs={24} md={12}>
          <ProductField name="categoryId" label={t('console.fields.categoryId')} required>
            <CategorySelect tree={tree} testId="categoryId" />
          </ProductField>
        </Col>
        <Col xs={24} md={12}>
          <ProductField name="brandId" label={t('console.fields.brandId')}>
            <Select
              allowClear
              data-testid="brandId"
              placeholder={t('exporter.product.noBrand')}
              options={brands.map((brand) => ({ value: brand.id, label: pick(locale, brand.nameZh, brand.nameEn) }))}
            />
          </ProductField>
        </Col>
        <Col xs={24} md={12}>
          <ProductField name="tags" label={t('console.fields.tags')} extra={t('exporter.product.tagsHint')}>
            <Select mode="tags" data-testid="tags" tokenSeparators={[',', '，']} open={false} />
          </ProductField>
        </Col>
        <Col xs={24} md={12}>
          <ProductField name="currency" label={t('console.fields.currency')} required extra={t('exporter.product.currencyHint')}>
            <Select
              data-testid="currency"
              options={currencyCodes.map((code) => ({ value: code, label: `${code} · ${pick(locale, currencies[code].zh, currencies[code].en)}` }))}
            />
          </ProductField>
        </Col>
      </Row>
    </Card>
  );
}
