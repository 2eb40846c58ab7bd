import { endpoints } from '@pavilion/contracts';
import { useState } from 'react';
import { Alert, App, Button, Segmented, Space, Table, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { ConsoleError } from '../../console/console-feedback.tsx';
import { dataAttributes } from '../../console/data-attributes.ts';
import { useLocale } from '../../i18n/face-language.tsx';
import { formatDateTime } from '../../shared/china-time.ts';
import { errorText } from '../../shared/errors.ts';
import { useEndpoint } from '../../api/query.ts';
import type { AnomalyFilter, PaymentAnomaly } from '../operator-api.ts';
import { operatorPaths } from '../operator-paths.ts';
import { api } from '../../api/client.ts';

const filters = ['open', 'resolved', 'all'] as const satisfies readonly AnomalyFilter[];

/** Kinds that only ask for a look (the money went back by itself) versus those that need someone to act. */
const kindColors: Record<PaymentAnomaly['kind'], string> = {
  unknown_order: 'red',
  amount_mismatch: 'red',
  refund_failed: 'red',
  late_payment_refunded: 'orange',
  duplicate_payment_refunded: 'orange',
  identity_mismatch: 'red',
};

/**
 * Payments that did not fit an order: an unknown order, another amount, a late or double payment
 * refunded, a refund refused. Open ones first; each is marked resolved once someone dealt with it.
 */
export function PaymentAnomaliesPage() {
  const { t } = useTranslation();
  const { locale } = useLocale();
  const { message } = App.useApp();
  const [filter, setFilter] = useState<AnomalyFilter>('open');
  const [resolving, setResolving] = useState<string | null>(null);
  const anomalies = useEndpoint(endpoints.operator.getPaymentAnomalies, { query: { status: filter } });
  const resolve = async (id: string) => {
    setResolving(id);
    try {
      await api(endpoints.operator.resolvePaymentAnomaly, { params: { id } });
      anomalies.reload();
    } catch (error) {
      void message.error(errorText(error, locale));
    } finally {
      setResolving(null);
    }
  };
  return (
    <Space orientation="vertical" size="large" style={{ width: '100%' }}>
      <Typography.Title level={3} style={{ margin: 0 }}>{t('operator.paymentAnomalies.title')}</Typography.Title>
      <Alert type="info" showIcon title={t('operator.paymentAnomalies.intro')} />
      <Segmented<AnomalyFilter>
        value={filter}
        onChange={setFilter}
        data-testid="anomaly-filter"
        options={filters.map((value) => ({ value, label: t(`operator.paymentAnomalies.filter.${value}`) }))}
      />
      {anomalies.status === 'failed' ? (
        <ConsoleError error={anomalies.error} loginPath={operatorPaths.login} onRetry={anomalies.reload} />
      ) : (
        <Table<PaymentAnomaly>
          rowKey="id"
          loading={anomalies.status === 'loading'}
          dataSource={anomalies.status === 'done' ? anomalies.data.items : []}
          data-testid="payment-anomalies"
          pagination={{ pageSize: 50, hideOnSinglePage: true }}
          locale={{ emptyText: t('operator.paymentAnomalies.empty') }}
          scroll={{ x: 'max-content' }}
          onRow={(item) => dataAttributes({ 'data-testid': 'payment-anomaly-row', 'data-kind': item.kind })}
          columns={[
            { key: 'createdAt', title: t('operator.paymentAnomalies.createdAt'), render: (_, item) => formatDateTime(item.createdAt) },
            { key: 'kind', title: t('operator.paymentAnomalies.kind'), render: (_, item) => <Tag color={kindColors[item.kind]}>{t(`operator.paymentAnomalies.kinds.${item.kind}`)}</Tag> },
            { key: 'provider', title: t('operator.paymentAnomalies.provider'), dataIndex: 'provider' },
            { key: 'reference', title: t('operator.paymentAnomalies.reference'), render: (_, item) => <Typography.Text copyable code>{item.reference}</Typography.Text> },
            {
              key: 'details',
              title: t('operator.paymentAnomalies.details'),
              render: (_, item) => <pre style={{ margin: 0, fontSize: 12, maxWidth: 420, whiteSpace: 'pre-wrap', wordBreak: 'break-all' }}>{JSON.stringify(item.details, null, 2)}</pre>,
            },
            {
              key: 'resolved',
              title: t('operator.paymentAnomalies.resolvedAt'),
              render: (_, item) =>
                item.resolvedAt === null ? (
                  <Button size="small" loading={resolving === item.id} data-testid="anomaly-resolve" onClick={() => void resolve(item.id)}>
                    {t('operator.paymentAnomalies.resolve')}
                  </Button>
                ) : (
                  formatDateTime(item.resolvedAt)
                ),
            },
          ]}
        />
      )}
    </Space>
  );
}
