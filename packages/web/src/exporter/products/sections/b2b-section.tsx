import { Button, Card, Checkbox, Col, Flex, Form, Input, InputNumber, Row } from 'antd';
import { useTranslation } from 'react-i18next';
import { currencies, incoterms, type CurrencyCode } from '@pavilion/contracts';
import type { ProductFormValues } from '../product-form-values.ts';
import { FieldNotes, ProductField } from '../product-notes.tsx';

/** Terms for importers: minimum order, quantity tiers, sample price, lead time and incoterms. */
export function B2bSection() {
  const { t } = useTranslation();
  const form = Form.useFormInstance<ProductFormValues>();
  const currency: CurrencyCode = Form.useWatch('currency', form) ?? 'USD';
  const symbol = currencies[currency].symbol;
  return (
    <Card title={t('exporter.product.sections.b2b')} id="product-b2b">
      <Row gutter={24}>
        <Col xs={24} md={6}>
          <ProductField name={['b2b', 'moq']} label={t('console.fields.b2bMoq')}>
            <InputNumber name="b2b.moq" min={1} precision={0} style={{ width: '100%' }} />
          </ProductField>
        </Col>
        <Col xs={24} md={6}>
          <ProductField name={['b2b', 'leadTimeDays']} label={t('console.fields.b2bLeadTimeDays')}>
            <InputNumber name="b2b.leadTimeDays" min={0} max={365} precision={0} style={{ width: '100%' }} />
          </ProductField>
        </Col>
        <Col xs={24} md={6}>
          <ProductField name={['b2b', 'samplePrice']} label={t('console.fields.b2bSamplePriceMinor')}>
            <Input name="b2b.samplePrice" prefix={symbol} inputMode="decimal" />
          </ProductField>
        </Col>
        <Col xs={24} md={6}>
          <ProductField name={['b2b', 'incoterms']} label={t('console.fields.b2bIncoterms')}>
            <Checkbox.Group options={incoterms.map((term) => ({ value: term, label: term }))} />
          </ProductField>
        </Col>
      </Row>
      <Form.List name={['b2b', 'tiers']}>
        {(tiers, { add, remove }, { errors }) => (
          <>
            <FieldNotes path="b2b.tiers" />
            <Form.ErrorList errors={errors} />
            {tiers.map((tier) => (
              <Flex key={tier.key} gap={12} align="start" data-testid="tier-row">
                <ProductField name={[tier.name, 'minQuantity']} notePath={`b2b.tiers.${tier.name}.minQuantity`} label={t('console.fields.b2bTiersMinQuantity')}>
                  <InputNumber name={`b2b.tiers.${tier.name}.minQuantity`} min={2} precision={0} />
                </ProductField>
                <ProductField name={[tier.name, 'price']} notePath={`b2b.tiers.${tier.name}.price`} label={t('console.fields.b2bTiersPriceMinor')}>
                  <Input name={`b2b.tiers.${tier.name}.price`} prefix={symbol} inputMode="decimal" />
                </ProductField>
                <Button style={{ marginTop: 30 }} danger onClick={() => remove(tier.name)}>{t('console.remove')}</Button>
              </Flex>
            ))}
            <Button onClick={() => add({ minQuantity: null, price: '' })} disabled={tiers.length >= 10}>{t('exporter.product.b2b.addTier')}</Button>
          </>
        )}
      </Form.List>
    </Card>
  );
}
