import { endpoints } from '@pavilion/contracts';
import { Alert, Card, Space, Table, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { currencies } from '@pavilion/contracts';
import { ConsoleError, ConsoleLoading } from '../../console/console-feedback.tsx';
import { useLocale } from '../../i18n/face-language.tsx';
import { pick } from '../../shared/localized.ts';
import { useEndpoint } from '../../api/query.ts';
import { type RateOverview } from '../operator-api.ts';
import { operatorPaths } from '../operator-paths.ts';
import { RateForm } from './rate-form.tsx';
import { dataAttributes } from '../../console/data-attributes.ts';

type InForce = RateOverview['inForce'][number];
type HistoryRow = RateOverview['history'][number];

/** Exchange rates to CNY: open alerts first, the rate in force per currency, entry, and the history. */
export function RatesPage() {
  const { t } = useTranslation();
  const { locale } = useLocale();
  const rates = useEndpoint(endpoints.operator.getRates, {});
  if (rates.status === 'loading') return <ConsoleLoading />;
  if (rates.status === 'failed') return <ConsoleError error={rates.error} loginPath={operatorPaths.login} onRetry={rates.reload} />;
  const { alerts, inForce, history } = rates.data;
  const none = t('common.none');
  return (
    <Space orientation="vertical" size="large" style={{ width: '100%' }}>
      <Typography.Title level={3} style={{ margin: 0 }}>{t('operator.rates.title')}</Typography.Title>
      {alerts.length > 0 && (
        <Space orientation="vertical" style={{ width: '100%' }} data-testid="rate-alerts">
          {alerts.map((alert) => (
            <Alert key={alert.id} type={alert.kind === 'stale_rate' ? 'warning' : 'error'} showIcon data-testid="rate-alert" title={pick(locale, alert.messageZh, alert.messageEn)} description={`${alert.subject} · ${alert.createdAt.slice(0, 16).replace('T', ' ')}`} />
          ))}
        </Space>
      )}
      <Card title={t('operator.rates.inForce')} size="small">
        <Table<InForce>
          rowKey="currency"
          size="small"
          pagination={false}
          data-testid="rates-in-force"
          dataSource={inForce}
          onRow={(row) => dataAttributes({ 'data-testid': 'rate-row', 'data-currency': row.currency })}
          columns={[
            { key: 'currency', title: t('operator.rates.currency'), render: (_, row) => `${row.currency} · ${pick(locale, currencies[row.currency].zh, currencies[row.currency].en)}` },
            {
              key: 'rate',
              title: t('operator.rates.rate'),
              render: (_, row) => (row.rate === null ? <Tag color="red">{t('operator.rates.missing')}</Tag> : <Typography.Text strong>¥ {row.rate.rate}</Typography.Text>),
            },
            {
              key: 'effectiveDate',
              title: t('operator.rates.effectiveDate'),
              render: (_, row) => (
                <Space size={4}>
                  {row.rate?.effectiveDate ?? none}
                  {row.ageDays !== null && <Typography.Text type="secondary">{t('operator.rates.age', { count: row.ageDays })}</Typography.Text>}
                  {row.stale && <Tag color="orange" data-testid="rate-stale">{t('operator.rates.stale', { days: rates.data.maxAgeDays })}</Tag>}
                </Space>
              ),
            },
            { key: 'source', title: t('operator.rates.source'), render: (_, row) => row.rate?.source ?? none },
          ]}
        />
      </Card>
      <RateForm onAdded={rates.reload} currencies={rates.data.settableCurrencies} />
      <Card title={t('operator.rates.history')} size="small">
        <Table<HistoryRow>
          rowKey="id"
          size="small"
          dataSource={history}
          pagination={{ pageSize: 20, hideOnSinglePage: true }}
          columns={[
            { key: 'currency', title: t('operator.rates.currency'), dataIndex: 'currency' },
            { key: 'rate', title: t('operator.rates.rate'), render: (_, row) => `¥ ${row.rate}` },
            { key: 'effectiveDate', title: t('operator.rates.effectiveDate'), dataIndex: 'effectiveDate' },
            { key: 'source', title: t('operator.rates.source'), dataIndex: 'source' },
            { key: 'createdAt', title: t('operator.rates.enteredAt'), render: (_, row) => row.createdAt.slice(0, 16).replace('T', ' ') },
          ]}
        />
      </Card>
    </Space>
  );
}
