import { Card, Checkbox, Col, Input, Row, Select, Switch } from 'antd';
import { useTranslation } from 'react-i18next';
import { countryCodes, customsModes } from '@pavilion/contracts';
import { useLocale } from '../../../i18n/face-language.tsx';
import { countryName } from '../../../shared/localized.ts';
import type { ExporterDocument } from '../../exporter-api.ts';
import { ProductField } from '../product-notes.tsx';
import { CertificationsList } from './certifications-list.tsx';

/** HS code, retail sale (Positive List), customs modes 9610/1210, whether one unit is an indivisible item, origin and certifications. */
export function ComplianceSection({ documents }: { documents: readonly ExporterDocument[] }) {
  const { t } = useTranslation();
  const { locale } = useLocale();
  return (
    <Card title={t('exporter.product.sections.compliance')} id="product-compliance">
      <Row gutter={24}>
        <Col xs={24} md={8}>
          <ProductField name={['compliance', 'hsCode']} label={t('console.fields.complianceHsCode')} extra={t('exporter.product.compliance.hsHint')}>
            <Input name="compliance.hsCode" inputMode="numeric" maxLength={10} placeholder="6912001000" />
          </ProductField>
        </Col>
        <Col xs={24} md={8}>
          <ProductField name={['compliance', 'retailSale']} label={t('console.fields.complianceRetailSale')} valuePropName="checked" extra={t('exporter.product.compliance.retailHint')}>
            <Switch data-testid="retailSale" />
          </ProductField>
        </Col>
        <Col xs={24} md={8}>
          <ProductField name={['compliance', 'customsModes']} label={t('console.fields.complianceCustomsModes')}>
            <Checkbox.Group options={customsModes.map((mode) => ({ value: mode, label: t(`console.customsModes.${mode}`) }))} />
          </ProductField>
        </Col>
        <Col xs={24} md={8}>
          <ProductField name={['compliance', 'indivisible']} label={t('console.fields.complianceIndivisible')} valuePropName="checked" extra={t('console.fields.complianceIndivisibleHelp')}>
            <Switch data-testid="indivisible" />
          </ProductField>
        </Col>
        <Col xs={24} md={8}>
          <ProductField name={['compliance', 'originCountry']} label={t('console.fields.complianceOriginCountry')} required>
            <Select showSearch={{ optionFilterProp: 'label' }} options={countryCodes.map((code) => ({ value: code, label: countryName(code, locale) }))} />
          </ProductField>
        </Col>
      </Row>
      <CertificationsList documents={documents} />
    </Card>
  );
}
