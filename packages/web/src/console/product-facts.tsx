import type { ReactNode } from 'react';
import { Descriptions, Space, Table, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { StoredProductContent } from '@pavilion/contracts';
import { isChanged, type FieldMarks } from './bilingual-content.tsx';
import { formatMoney } from './money.ts';

type Variant = StoredProductContent['variants'][number];

const mark = (changed: FieldMarks['changed'], fields: string[]) => (isChanged(changed, fields) ? { background: '#fffbe6' } : undefined);

/** Category, brand, currency, variants with their prices, and the B2B terms of a product. */
export function ProductFacts({ content, categoryName, brandName, changed, action }: { content: StoredProductContent; categoryName: string; brandName: string | null } & FieldMarks) {
  const { t } = useTranslation();
  const none = t('common.none');
  const { b2b, currency } = content;
  const item = (key: string, label: string, children: ReactNode) => ({
    key,
    label: (
      <Space size={4}>
        {label}
        {action?.([key])}
      </Space>
    ),
    children,
    styles: { content: mark(changed, [key]) },
  });
  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      <Descriptions
        size="small"
        bordered
        column={{ xs: 1, lg: 2 }}
        items={[
          item('categoryId', t('console.fields.categoryId'), categoryName),
          item('brandId', t('console.fields.brandId'), brandName ?? none),
          item('currency', t('console.fields.currency'), currency),
        ]}
      />
      <Table<Variant>
        rowKey="id"
        size="small"
        bordered
        pagination={false}
        data-testid="variants-view"
        title={() => (
          <Space size={4}>
            <Typography.Text strong>{t('console.fields.variants')}</Typography.Text>
            {action?.(['variants'])}
          </Space>
        )}
        dataSource={content.variants}
        onRow={(_, index) => ({ style: mark(changed, [`variants.${index ?? 0}`]) })}
        scroll={{ x: 'max-content' }}
        columns={[
          { key: 'sku', title: t('console.fields.variantsSku'), dataIndex: 'sku' },
          { key: 'options', title: t('console.fields.optionValues'), render: (_, v) => v.optionValues.join(' / ') || none },
          { key: 'barcode', title: t('console.fields.variantsBarcode'), render: (_, v) => v.barcode || none },
          { key: 'weight', title: t('console.fields.variantsWeightGrams'), render: (_, v) => `${v.weightGrams} g` },
          { key: 'price', title: t('console.fields.variantsPriceMinor'), align: 'right', render: (_, v) => formatMoney(v.priceMinor, currency) },
        ]}
      />
      <Descriptions
        size="small"
        bordered
        title={t('console.fields.b2b')}
        column={{ xs: 1, lg: 2 }}
        items={[
          { key: 'moq', label: t('console.fields.b2bMoq'), children: b2b.moq, styles: { content: mark(changed, ['b2b.moq']) } },
          { key: 'leadTimeDays', label: t('console.fields.b2bLeadTimeDays'), children: t('console.content.days', { count: b2b.leadTimeDays }), styles: { content: mark(changed, ['b2b.leadTimeDays']) } },
          { key: 'samplePrice', label: t('console.fields.b2bSamplePriceMinor'), children: b2b.samplePriceMinor === null ? none : formatMoney(b2b.samplePriceMinor, currency) },
          { key: 'incoterms', label: t('console.fields.b2bIncoterms'), children: b2b.incoterms.map((term) => <Tag key={term}>{term}</Tag>) },
          {
            key: 'tiers',
            label: t('console.fields.b2bTiers'),
            span: 'filled',
            styles: { content: mark(changed, ['b2b.tiers']) },
            children:
              b2b.tiers.length === 0
                ? none
                : b2b.tiers.map((tier) => t('console.content.tier', { quantity: tier.minQuantity, price: formatMoney(tier.priceMinor, currency) })).join(' · '),
          },
        ]}
      />
    </Space>
  );
}
