import { Card, Descriptions, Space, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { chinaToday } from '../../console/compliance-facts.tsx';
import { ExporterStatusTag } from '../../console/exporter-status-tag.tsx';
import { formatBp } from '../../console/money.ts';
import { PublicationChecklist } from '../../console/publication-checklist.tsx';
import { useLocale } from '../../i18n/face-language.tsx';
import { pick } from '../../shared/localized.ts';
import type { OperatorProductView } from '../operator-api.ts';

/**
 * The reviewer's compliance checklist: the publication rules as they stand, the HS rate table's row
 * for the code (VAT, consumption tax, Positive List, customs modes), the exporter's GACC registration
 * and each certification's expiry.
 */
export function ComplianceCard({ view }: { view: OperatorProductView }) {
  const { t } = useTranslation();
  const { locale } = useLocale();
  const { product, exporter, hsRate } = view;
  const content = (product.working ?? product.live)?.content;
  const none = t('common.none');
  const today = chinaToday();
  const hsCode = content?.compliance.hsCode ?? '';
  return (
    <Card title={t('operator.review.compliance')} data-testid="compliance-card" size="small">
      <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
        <PublicationChecklist issues={product.publicationIssues} />
        <Descriptions
          size="small"
          bordered
          column={1}
          title={t('operator.review.hsRate')}
          data-testid="hs-rate-row"
          items={
            hsRate === null
              ? [{ key: 'hs', label: t('console.fields.complianceHsCode'), children: hsCode === '' ? none : <Typography.Text type="danger">{t('operator.review.hsUnknown', { code: hsCode })}</Typography.Text> }]
              : [
                  { key: 'hs', label: t('console.fields.complianceHsCode'), children: `${hsRate.hsCode} · ${pick(locale, hsRate.descriptionZh, hsRate.descriptionEn)}` },
                  { key: 'vat', label: t('operator.hsRates.vat'), children: formatBp(hsRate.vatRateBp) },
                  { key: 'consumption', label: t('operator.hsRates.consumptionTax'), children: formatBp(hsRate.consumptionTaxRateBp) },
                  { key: 'tariff', label: t('operator.hsRates.tariff'), children: hsRate.tariffRateBp === null ? t('operator.hsRates.tariffMissing') : formatBp(hsRate.tariffRateBp) },
                  {
                    key: 'positive',
                    label: t('operator.hsRates.positiveList'),
                    children: hsRate.retailEligible ? <Tag color="green">{t('console.yes')}</Tag> : <Tag color="red">{t('console.no')}</Tag>,
                  },
                  { key: 'modes', label: t('operator.hsRates.modes'), children: t(`operator.hsRates.modeValues.${hsRate.retailModes}`) },
                  { key: 'food', label: t('operator.hsRates.food'), children: hsRate.isFood ? <Tag color="orange">{t('console.yes')}</Tag> : t('console.no') },
                ]
          }
        />
        <Descriptions
          size="small"
          bordered
          column={1}
          title={t('operator.review.exporter')}
          items={[
            { key: 'name', label: t('operator.products.exporter'), children: pick(locale, exporter.nameZh, exporter.nameEn) },
            { key: 'status', label: t('operator.home.status'), children: <ExporterStatusTag status={exporter.status} /> },
            { key: 'gacc', label: t('exporter.application.fields.gaccRegistrationNumber'), children: <span data-testid="exporter-gacc">{exporter.gaccRegistrationNumber ?? none}</span> },
          ]}
        />
        <Descriptions
          size="small"
          bordered
          column={1}
          title={t('console.fields.complianceCertifications')}
          data-testid="certifications-check"
          items={(content?.compliance.certifications.length ? content.compliance.certifications : []).map((c, index) => ({
            key: String(index),
            label: `${t(`console.certTypes.${c.type}`)} · ${c.number}`,
            children:
              c.expiresOn === null ? (
                t('console.content.noExpiry')
              ) : c.expiresOn < today ? (
                <Typography.Text type="danger">✗ {t('console.content.expired', { date: c.expiresOn })}</Typography.Text>
              ) : (
                <Typography.Text type="success">✓ {t('operator.review.validUntil', { date: c.expiresOn })}</Typography.Text>
              ),
          })).concat(content?.compliance.certifications.length ? [] : [{ key: 'none', label: none, children: t('console.content.noCertifications') }])}
        />
      </Space>
    </Card>
  );
}
