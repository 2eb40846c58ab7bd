import { endpoints } from '@pavilion/contracts';
import { useState } from 'react';
import { Space, Table, Tabs, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { useNavigate, useSearchParams } from 'react-router';
import { exporterStatuses, type ExporterStatus } from '@pavilion/contracts';
import { ConsoleError } from '../../console/console-feedback.tsx';
import { ExporterStatusTag } from '../../console/exporter-status-tag.tsx';
import { useLocale } from '../../i18n/face-language.tsx';
import { countryName, pick } from '../../shared/localized.ts';
import { useEndpoint } from '../../api/query.ts';
import { type ExporterQueue } from '../operator-api.ts';
import { operatorPaths } from '../operator-paths.ts';

type QueueItem = ExporterQueue['items'][number];
const isStatus = (value: string | null): value is ExporterStatus => exporterStatuses.some((status) => status === value);

/** Exporters of the operator's pavilions by review status, oldest submission first. */
export function ExporterQueuePage() {
  const { t } = useTranslation();
  const { locale } = useLocale();
  const navigate = useNavigate();
  const [params, setParams] = useSearchParams();
  const requested = params.get('status');
  const status: ExporterStatus = isStatus(requested) ? requested : 'pending';
  const [page, setPage] = useState(1);
  const queue = useEndpoint(endpoints.operator.getExporters, { query: { status, page, pageSize: 50 } });
  return (
    <Space orientation="vertical" size="large" style={{ width: '100%' }}>
      <Typography.Title level={3} style={{ margin: 0 }}>{t('operator.exporters.title')}</Typography.Title>
      <Tabs
        activeKey={status}
        onChange={(key) => {
          setPage(1);
          setParams({ status: key });
        }}
        items={exporterStatuses.map((key) => ({ key, label: t(`common.exporterStatus.${key}`) }))}
      />
      {queue.status === 'failed' && <ConsoleError error={queue.error} loginPath={operatorPaths.login} onRetry={queue.reload} />}
      <Table<QueueItem>
        rowKey="id"
        loading={queue.status === 'loading'}
        data-testid="exporter-queue"
        dataSource={queue.status === 'done' ? queue.data.items : []}
        pagination={{ current: page, pageSize: 50, total: queue.status === 'done' ? queue.data.total : 0, onChange: setPage, hideOnSinglePage: true }}
        locale={{ emptyText: t('operator.exporters.empty') }}
        onRow={(item) => ({ 'data-testid': 'exporter-row', 'data-exporter-id': item.id, onClick: () => void navigate(operatorPaths.exporter(item.id)), style: { cursor: 'pointer' } })}
        scroll={{ x: 'max-content' }}
        columns={[
          {
            key: 'name',
            title: t('operator.home.tradingName'),
            render: (_, item) => (
              <Space orientation="vertical" size={0}>
                <Typography.Text strong>{pick(locale, item.tradingNameZh, item.tradingNameEn)}</Typography.Text>
                <Typography.Text type="secondary">{pick(locale, item.tradingNameEn, item.tradingNameZh)}</Typography.Text>
              </Space>
            ),
          },
          { key: 'legalName', title: t('operator.home.legalName'), dataIndex: 'legalName' },
          { key: 'pavilion', title: t('operator.exporters.pavilion'), render: (_, item) => pick(locale, item.pavilion.nameZh, item.pavilion.nameEn) },
          { key: 'country', title: t('operator.home.country'), render: (_, item) => `${countryName(item.country, locale)} · ${item.city}` },
          { key: 'status', title: t('operator.home.status'), render: (_, item) => <ExporterStatusTag status={item.status} /> },
          { key: 'submittedAt', title: t('operator.exporters.submittedAt'), render: (_, item) => item.submittedAt?.slice(0, 10) ?? t('common.none') },
          { key: 'reason', title: t('console.reason'), render: (_, item) => item.reviewReason ?? t('common.none') },
        ]}
      />
    </Space>
  );
}
