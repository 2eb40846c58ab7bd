import { endpoints } from '@pavilion/contracts';
import { Button, Card, Form, Input, InputNumber, Select, Table } from 'antd';
import { useTranslation } from 'react-i18next';
import { currencies, formatMajor, parseMajor, toCnyFen, type CurrencyCode } from '@pavilion/contracts';
import { useEndpoint } from '../../../api/query.ts';
import type { ProductFormValues } from '../product-form-values.ts';
import { FieldNotes, ProductField } from '../product-notes.tsx';
import { dataAttributes } from '../../../console/data-attributes.ts';

/** At most 100 variants per product (productContentSchema). */
const maxVariants = 100;
const newVariant = { sku: '', barcode: '', weightGrams: null, price: '', optionValues: [] };

/** One row per variant: its option values, SKU, barcode, weight and price (typed in major units). */
export function VariantsSection() {
  const { t } = useTranslation();
  const form = Form.useFormInstance<ProductFormValues>();
  const options = Form.useWatch('options', form) ?? [];
  const currency: CurrencyCode = Form.useWatch('currency', form) ?? 'USD';
  const variants: ProductFormValues['variants'] = Form.useWatch('variants', form) ?? [];
  const rates = useEndpoint(endpoints.store.getExchangeRates, {});
  const rate = rates.status === 'done' ? rates.data.items.find((r) => r.currency === currency) : undefined;
  /** What buyers will see: the yuan at the rate in force, rounded half up to the fen. */
  const yuan = (price: string | undefined) => {
    if (currency === 'CNY' || rates.status !== 'done') return null;
    if (!rate) return t('exporter.product.variants.noRate', { currency });
    const amount = parseMajor(price ?? '', currency);
    return amount === null ? null : t('exporter.product.variants.cnyEquivalent', { amount: formatMajor(toCnyFen(amount, currency, rate.rateMicro), 'CNY'), rate: rate.rate, date: rate.effectiveDate });
  };
  return (
    <Card title={t('exporter.product.sections.variants')} id="product-variants">
      <Form.List name="variants">
        {(rows, { add, remove }, { errors }) => (
          <>
            <FieldNotes path="variants" />
            <Form.ErrorList errors={errors} />
            <Table
              size="small"
              rowKey="key"
              pagination={false}
              dataSource={rows}
              scroll={{ x: 'max-content' }}
              data-testid="variants-table"
              onRow={() => dataAttributes({ 'data-testid': 'variant-row' })}
              columns={[
                ...options.map((option, o) => ({
                  key: `option-${o}`,
                  title: option?.nameEn || t('console.fields.optionValues'),
                  render: (_: unknown, row: { name: number }) => (
                    <ProductField name={[row.name, 'optionValues', o]} notePath={`variants.${row.name}.optionValues.${o}`} style={{ marginBottom: 0, minWidth: 120 }}>
                      <Select options={(option?.values ?? []).filter((value) => value?.en).map((value) => ({ value: value.en, label: value.zh ? `${value.en} · ${value.zh}` : value.en }))} />
                    </ProductField>
                  ),
                })),
                {
                  key: 'sku',
                  title: t('console.fields.variantsSku'),
                  render: (_, row) => (
                    <ProductField name={[row.name, 'sku']} notePath={`variants.${row.name}.sku`} style={{ marginBottom: 0 }}>
                      <Input name={`variants.${row.name}.sku`} style={{ width: 160 }} />
                    </ProductField>
                  ),
                },
                {
                  key: 'barcode',
                  title: t('console.fields.variantsBarcode'),
                  render: (_, row) => (
                    <ProductField name={[row.name, 'barcode']} notePath={`variants.${row.name}.barcode`} style={{ marginBottom: 0 }}>
                      <Input name={`variants.${row.name}.barcode`} style={{ width: 150 }} inputMode="numeric" />
                    </ProductField>
                  ),
                },
                {
                  key: 'weight',
                  title: t('console.fields.variantsWeightGrams'),
                  render: (_, row) => (
                    <ProductField name={[row.name, 'weightGrams']} notePath={`variants.${row.name}.weightGrams`} style={{ marginBottom: 0 }}>
                      <InputNumber name={`variants.${row.name}.weightGrams`} min={1} precision={0} suffix="g" style={{ width: 120 }} />
                    </ProductField>
                  ),
                },
                {
                  key: 'price',
                  title: t('console.fields.variantsPriceMinor'),
                  render: (_, row) => (
                    <>
                      <ProductField name={[row.name, 'price']} notePath={`variants.${row.name}.price`} style={{ marginBottom: 0 }}>
                        <Input name={`variants.${row.name}.price`} prefix={currencies[currency].symbol} inputMode="decimal" style={{ width: 150 }} />
                      </ProductField>
                      <div data-testid="variant-cny" style={{ fontSize: 12, color: '#888' }}>{yuan(variants[row.name]?.price)}</div>
                    </>
                  ),
                },
                {
                  key: 'remove',
                  title: '',
                  render: (_, row) => (
                    <Button danger size="small" disabled={rows.length === 1} onClick={() => remove(row.name)}>{t('console.remove')}</Button>
                  ),
                },
              ]}
            />
            <Button style={{ marginTop: 12 }} onClick={() => add(newVariant)} disabled={rows.length >= maxVariants} data-testid="add-variant">
              {t('exporter.product.variants.add')}
            </Button>
          </>
        )}
      </Form.List>
    </Card>
  );
}
