import { Descriptions, Space, Table, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { StoredProductContent } from '@pavilion/contracts';
import { useLocale } from '../i18n/face-language.tsx';
import { countryName } from '../shared/localized.ts';
import type { FieldMarks } from './bilingual-content.tsx';
import { isChanged } from './bilingual-content.tsx';

type Certification = StoredProductContent['compliance']['certifications'][number];

/** Today in China (UTC+8): a certificate expiring before it is expired, as the server's rules say. */
export function chinaToday(now = new Date()): string {
  return new Date(now.getTime() + 8 * 3_600_000).toISOString().slice(0, 10);
}

/** The compliance facts of a product: HS code, retail sale, customs modes, origin, certifications. */
export function ComplianceFacts({ content, changed, action }: { content: StoredProductContent } & FieldMarks) {
  const { t } = useTranslation();
  const { locale } = useLocale();
  const none = t('common.none');
  const today = chinaToday();
  const { compliance } = content;
  const mark = (field: string) => (isChanged(changed, [field]) ? { background: '#fffbe6' } : undefined);
  const label = (text: string, field: string) => (
    <Space size={4}>
      {text}
      {action?.([field])}
    </Space>
  );
  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      <Descriptions
        size="small"
        bordered
        column={{ xs: 1, lg: 2 }}
        items={[
          { key: 'hsCode', label: label(t('console.fields.complianceHsCode'), 'compliance.hsCode'), children: compliance.hsCode || none, styles: { content: mark('compliance.hsCode') } },
          { key: 'retailSale', label: t('console.fields.complianceRetailSale'), children: compliance.retailSale ? t('console.yes') : t('console.no'), styles: { content: mark('compliance.retailSale') } },
          {
            key: 'customsModes',
            label: label(t('console.fields.complianceCustomsModes'), 'compliance.customsModes'),
            children: compliance.customsModes.map((mode) => <Tag key={mode}>{t(`console.customsModes.${mode}`)}</Tag>),
            styles: { content: mark('compliance.customsModes') },
          },
          { key: 'originCountry', label: t('console.fields.complianceOriginCountry'), children: countryName(compliance.originCountry, locale) },
          {
            key: 'indivisible',
            label: t('console.fields.complianceIndivisible'),
            children: <span data-testid="product-indivisible">{compliance.indivisible ? t('console.yes') : t('console.no')}</span>,
            styles: { content: mark('compliance.indivisible') },
          },
        ]}
      />
      <Table<Certification>
        rowKey={(_, index) => String(index)}
        size="small"
        bordered
        pagination={false}
        data-testid="certifications-view"
        title={() => label(t('console.fields.complianceCertifications'), 'compliance.certifications')}
        locale={{ emptyText: t('console.content.noCertifications') }}
        dataSource={compliance.certifications}
        columns={[
          { key: 'type', title: t('console.fields.type'), render: (_, c) => t(`console.certTypes.${c.type}`) },
          { key: 'number', title: t('console.fields.number'), dataIndex: 'number' },
          { key: 'issuer', title: t('console.fields.issuer'), render: (_, c) => c.issuer || none },
          {
            key: 'expiresOn',
            title: t('console.fields.expiresOn'),
            render: (_, c) =>
              c.expiresOn === null ? (
                t('console.content.noExpiry')
              ) : c.expiresOn < today ? (
                <Typography.Text type="danger" data-expired="true">{t('console.content.expired', { date: c.expiresOn })}</Typography.Text>
              ) : (
                c.expiresOn
              ),
          },
        ]}
      />
    </Space>
  );
}
