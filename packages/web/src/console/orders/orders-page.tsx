import { useState } from 'react';
import { DatePicker, Flex, Input, Select, Space, Table, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { orderStatuses, type OrderStatus, type OrderSummary } from '@pavilion/contracts';
import { useEndpoint } from '../../api/query.ts';
import { useLocale } from '../../i18n/face-language.tsx';
import { formatDateTime } from '../../shared/china-time.ts';
import { pick } from '../../shared/localized.ts';
import { ConsoleError } from '../console-feedback.tsx';
import { dataAttributes } from '../data-attributes.ts';
import { formatMoney } from '../money.ts';
import { OrderDrawer } from './order-drawer.tsx';
import { orderQueryParams, type OrderEndpoints, type OrderQuery } from './order-query.ts';
import { OrderStatusTag } from './order-status-tag.tsx';

type Props = {
  title: string;
  orderEndpoints: OrderEndpoints;
  loginPath: string;
  /** Operators see orders of several exporters; an exporter sees only its own. */
  showExporter: boolean;
};

/** A console's orders: filters by status, date and number; a row opens the order in a drawer. */
export function ConsoleOrdersPage({ title, orderEndpoints, loginPath, showExporter }: Props) {
  const { t } = useTranslation();
  const { locale } = useLocale();
  const [query, setQuery] = useState<OrderQuery>({});
  const [openId, setOpenId] = useState<string | null>(null);
  const orders = useEndpoint(orderEndpoints.list, { query: orderQueryParams(query) });
  const update = (patch: Partial<OrderQuery>) => setQuery((current) => ({ ...current, ...patch }));
  return (
    <Space orientation="vertical" size="large" style={{ width: '100%' }}>
      <Typography.Title level={3} style={{ margin: 0 }}>{title}</Typography.Title>
      <Flex wrap gap={12} data-testid="order-filters">
        <Select<OrderStatus>
          allowClear
          placeholder={t('console.orders.allStatuses')}
          style={{ width: 180 }}
          value={query.status}
          onChange={(status) => update({ status })}
          data-testid="order-filter-status"
          options={orderStatuses.map((status) => ({ value: status, label: t(`console.orders.status.${status}`) }))}
        />
        <DatePicker.RangePicker
          allowEmpty={[true, true]}
          onChange={(_, [from, to]) => update({ from: from === '' ? undefined : from, to: to === '' ? undefined : to })}
          data-testid="order-filter-dates"
          aria-label={t('console.orders.dates')}
        />
        <Input.Search
          allowClear
          placeholder={t('console.orders.numberPlaceholder')}
          style={{ width: 240 }}
          maxLength={40}
          onSearch={(number) => update({ number: number.trim() === '' ? undefined : number.trim() })}
          data-testid="order-filter-number"
        />
      </Flex>
      {orders.status === 'failed' ? (
        <ConsoleError error={orders.error} loginPath={loginPath} onRetry={orders.reload} />
      ) : (
        <Table<OrderSummary>
          rowKey="id"
          loading={orders.status === 'loading'}
          dataSource={orders.status === 'done' ? orders.data.items : []}
          data-testid="orders-table"
          pagination={{ pageSize: 50, hideOnSinglePage: true }}
          locale={{ emptyText: t('console.orders.empty') }}
          scroll={{ x: 'max-content' }}
          onRow={(order) => ({
            ...dataAttributes({ 'data-testid': 'order-row', 'data-order-id': order.id, 'data-status': order.status }),
            onClick: () => setOpenId(order.id),
            style: { cursor: 'pointer' },
          })}
          columns={[
            { key: 'number', title: t('console.orders.number'), render: (_, order) => <Typography.Link>{order.number}</Typography.Link> },
            { key: 'createdAt', title: t('console.orders.createdAt'), render: (_, order) => formatDateTime(order.createdAt) },
            ...(showExporter
              ? [{ key: 'exporter', title: t('console.orders.exporter'), render: (_: unknown, order: OrderSummary) => pick(locale, order.exporter.nameZh || order.exporter.nameEn, order.exporter.nameEn || order.exporter.nameZh) }]
              : []),
            {
              key: 'items',
              title: t('console.orders.items'),
              render: (_, order) => (
                <>
                  {pick(locale, order.firstTitleZh || order.firstTitleEn, order.firstTitleEn || order.firstTitleZh)}
                  <Typography.Text type="secondary"> · {t('console.orders.itemCount', { count: order.itemCount })}</Typography.Text>
                </>
              ),
            },
            { key: 'customsMode', title: t('console.orders.customsMode'), render: (_, order) => t(`console.customsModes.${order.customsMode}`) },
            { key: 'status', title: t('console.orders.statusLabel'), render: (_, order) => <OrderStatusTag status={order.status} /> },
            { key: 'total', title: t('console.orders.total'), align: 'right', render: (_, order) => formatMoney(order.totalFen, 'CNY') },
          ]}
        />
      )}
      <OrderDrawer orderId={openId} endpoint={orderEndpoints.get} loginPath={loginPath} onClose={() => setOpenId(null)} />
    </Space>
  );
}
