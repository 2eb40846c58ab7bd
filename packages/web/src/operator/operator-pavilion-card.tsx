import { Card, Space, Table, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { ExporterSummary } from '@pavilion/contracts';
import type { OperatorPavilion } from '../api/client.ts';
import { ExporterStatusTag } from '../console/exporter-status-tag.tsx';
import { useLocale } from '../i18n/face-language.tsx';
import { countryName, pick } from '../shared/localized.ts';
import { operatorPaths } from './operator-paths.ts';

const pageSize = 20;

export function OperatorPavilionCard({ pavilion }: { pavilion: OperatorPavilion }) {
  const { t } = useTranslation();
  const { locale } = useLocale();
  return (
    <Card
      data-testid="operator-pavilion"
      title={
        <Space size="small" wrap>
          <span>{pick(locale, pavilion.nameZh, pavilion.nameEn)}</span>
          <Typography.Text type="secondary">{pick(locale, pavilion.nameEn, pavilion.nameZh)}</Typography.Text>
        </Space>
      }
      extra={
        <Space size={4} wrap>
          <Space size={4} wrap aria-label={t('operator.home.countries')}>
            {pavilion.countries.map((code) => (
              <Tag key={code}>{countryName(code, locale)}</Tag>
            ))}
          </Space>
          <Link to={operatorPaths.pavilion(pavilion.id)} data-testid="edit-pavilion">{t('operator.home.editContent')}</Link>
        </Space>
      }
    >
      <Typography.Paragraph type="secondary">{pick(locale, pavilion.taglineZh, pavilion.taglineEn)}</Typography.Paragraph>
      <Typography.Paragraph strong>{t('operator.home.exporterCount', { count: pavilion.exporterCount })}</Typography.Paragraph>
      <Table<ExporterSummary>
        rowKey="id"
        size="small"
        dataSource={pavilion.exporters}
        pagination={pavilion.exporters.length > pageSize ? { pageSize } : false}
        locale={{ emptyText: t('operator.home.noExporters') }}
        scroll={{ x: 'max-content' }}
        columns={[
          {
            key: 'tradingName',
            title: t('operator.home.tradingName'),
            render: (_, exporter) => (
              <Space orientation="vertical" size={0}>
                <Link to={operatorPaths.exporter(exporter.id)}>
                  <Typography.Text strong>{pick(locale, exporter.tradingNameZh, exporter.tradingNameEn)}</Typography.Text>
                </Link>
                <Typography.Text type="secondary">{pick(locale, exporter.tradingNameEn, exporter.tradingNameZh)}</Typography.Text>
              </Space>
            ),
          },
          { key: 'legalName', title: t('operator.home.legalName'), dataIndex: 'legalName' },
          { key: 'country', title: t('operator.home.country'), render: (_, exporter) => countryName(exporter.country, locale) },
          { key: 'city', title: t('operator.home.city'), dataIndex: 'city' },
          {
            key: 'status',
            title: t('operator.home.status'),
            render: (_, exporter) => <ExporterStatusTag status={exporter.status} />,
          },
        ]}
      />
    </Card>
  );
}
