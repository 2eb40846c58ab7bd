import { Card, Col, Input, Row, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { ProductField } from '../product-notes.tsx';

const lines = [
  { key: 'nameZh', label: 'eLabelNameZh', max: 120, area: false },
  { key: 'originZh', label: 'eLabelOriginZh', max: 60, area: false },
  { key: 'netContentZh', label: 'eLabelNetContentZh', max: 60, area: false },
  { key: 'shelfLifeZh', label: 'eLabelShelfLifeZh', max: 60, area: false },
  { key: 'storageZh', label: 'eLabelStorageZh', max: 200, area: false },
  { key: 'importerZh', label: 'eLabelImporterZh', max: 200, area: false },
  { key: 'ingredientsZh', label: 'eLabelIngredientsZh', max: 1000, area: true },
] as const;

/** The Chinese electronic label (中文电子标签) cross-border retail goods carry instead of a sticker. */
export function ELabelSection() {
  const { t } = useTranslation();
  return (
    <Card title={t('exporter.product.sections.eLabel')} id="product-e-label">
      <Typography.Paragraph type="secondary">{t('exporter.product.eLabelHint')}</Typography.Paragraph>
      <Row gutter={24}>
        {lines.map((line) => (
          <Col xs={24} md={line.area ? 24 : 12} key={line.key}>
            <ProductField name={['eLabel', line.key]} label={t(`console.fields.${line.label}`)}>
              {line.area ? (
                <Input.TextArea name={`eLabel.${line.key}`} lang="zh-CN" rows={3} maxLength={line.max} />
              ) : (
                <Input name={`eLabel.${line.key}`} lang="zh-CN" maxLength={line.max} />
              )}
            </ProductField>
          </Col>
        ))}
      </Row>
    </Card>
  );
}
