import { Descriptions, Drawer, Table, Timeline, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { orderStatuses, type OrderDetail } from '@pavilion/contracts';
import { useEndpoint } from '../../api/query.ts';
import { useLocale } from '../../i18n/face-language.tsx';
import { formatDateTime } from '../../shared/china-time.ts';
import { pick } from '../../shared/localized.ts';
import { ConsoleError, ConsoleLoading } from '../console-feedback.tsx';
import { formatMoney } from '../money.ts';
import type { OrderEndpoints } from './order-query.ts';
import { OrderStatusTag } from './order-status-tag.tsx';

type Line = OrderDetail['lines'][number];

const yuan = (fen: number) => formatMoney(fen, 'CNY');

type Props = { orderId: string | null; endpoint: OrderEndpoints['get']; loginPath: string; onClose: () => void };

/**
 * One order: its lines, amounts, consignee and timeline. The buyer's identity appears only when the
 * API sends it (operators, masked); exporters' answers carry none, and nothing here asks for it.
 */
export function OrderDrawer({ orderId, endpoint, loginPath, onClose }: Props) {
  const { t } = useTranslation();
  return (
    <Drawer open={orderId !== null} onClose={onClose} size="large" title={t('console.orders.detail')} destroyOnHidden data-testid="order-drawer">
      {orderId !== null && <OrderDrawerBody orderId={orderId} endpoint={endpoint} loginPath={loginPath} />}
    </Drawer>
  );
}

function OrderDrawerBody({ orderId, endpoint, loginPath }: { orderId: string; endpoint: OrderEndpoints['get']; loginPath: string }) {
  const order = useEndpoint(endpoint, { params: { id: orderId } });
  if (order.status === 'loading') return <ConsoleLoading />;
  if (order.status === 'failed') return <ConsoleError error={order.error} loginPath={loginPath} onRetry={order.reload} />;
  return <OrderDetails order={order.data} />;
}

function OrderDetails({ order }: { order: OrderDetail }) {
  const { t } = useTranslation();
  const { locale } = useLocale();
  const none = t('common.none');
  const title = (line: Pick<Line, 'titleZh' | 'titleEn'>) => pick(locale, line.titleZh || line.titleEn, line.titleEn || line.titleZh);
  const statusText = (status: string) => ((orderStatuses as readonly string[]).includes(status) ? t(`console.orders.status.${status as OrderDetail['status']}`) : status);
  return (
    <div data-testid="order-detail" data-order-id={order.id}>
      <Descriptions size="small" column={{ xs: 1, sm: 2 }} bordered>
        <Descriptions.Item label={t('console.orders.number')}>{order.number}</Descriptions.Item>
        <Descriptions.Item label={t('console.orders.statusLabel')}><OrderStatusTag status={order.status} /></Descriptions.Item>
        <Descriptions.Item label={t('console.orders.exporter')}>{pick(locale, order.exporter.nameZh || order.exporter.nameEn, order.exporter.nameEn || order.exporter.nameZh)}</Descriptions.Item>
        <Descriptions.Item label={t('console.orders.customsMode')}>
          {t(`console.customsModes.${order.customsMode}`)}
          {order.regime === 'general' && ` · ${t('console.orders.generalRegime')}`}
        </Descriptions.Item>
        <Descriptions.Item label={t('console.orders.createdAt')}>{formatDateTime(order.createdAt)}</Descriptions.Item>
        <Descriptions.Item label={t('console.orders.paidAt')}>{order.paidAt === null ? none : formatDateTime(order.paidAt)}</Descriptions.Item>
      </Descriptions>

      <Typography.Title level={5} style={{ marginTop: 24 }}>{t('console.orders.consignee')}</Typography.Title>
      <Descriptions size="small" column={1} bordered data-testid="order-consignee">
        <Descriptions.Item label={t('console.orders.consigneeName')}>{order.consignee.name}</Descriptions.Item>
        <Descriptions.Item label={t('console.orders.consigneePhone')}>{order.consignee.phone}</Descriptions.Item>
        <Descriptions.Item label={t('console.orders.consigneeAddress')}>{order.consignee.address}</Descriptions.Item>
        {order.identity !== null && (
          <Descriptions.Item label={t('console.orders.buyerIdentity')}>
            <span data-testid="order-identity">
              {order.identity.nameMasked} · {order.identity.idNumberMasked}
            </span>
          </Descriptions.Item>
        )}
      </Descriptions>

      <Typography.Title level={5} style={{ marginTop: 24 }}>{t('console.orders.lines')}</Typography.Title>
      <Table<Line>
        rowKey="variantId"
        size="small"
        pagination={false}
        dataSource={order.lines}
        scroll={{ x: 'max-content' }}
        data-testid="order-lines"
        columns={[
          { key: 'sku', title: 'SKU', dataIndex: 'sku' },
          {
            key: 'title',
            title: t('console.orders.product'),
            render: (_, line) => (
              <>
                <div>{title(line)}</div>
                {line.optionValues.length > 0 && <Typography.Text type="secondary">{line.optionValues.join(' · ')}</Typography.Text>}
              </>
            ),
          },
          { key: 'quantity', title: t('console.orders.quantity'), dataIndex: 'quantity', align: 'right' },
          { key: 'unit', title: t('console.orders.unitPrice'), align: 'right', render: (_, line) => <>{yuan(line.unitFen)}<br /><Typography.Text type="secondary">{formatMoney(line.unitPriceOrigin.amount, line.unitPriceOrigin.currency)}</Typography.Text></> },
          { key: 'goods', title: t('console.orders.goods'), align: 'right', render: (_, line) => yuan(line.goodsFen) },
          { key: 'freight', title: t('console.orders.freight'), align: 'right', render: (_, line) => yuan(line.freightFen) },
          { key: 'tax', title: t('console.orders.tax'), align: 'right', render: (_, line) => yuan(line.taxFen) },
        ]}
      />
      <Descriptions size="small" column={{ xs: 2, sm: 4 }} style={{ marginTop: 12 }} data-testid="order-amounts">
        <Descriptions.Item label={t('console.orders.goods')}>{yuan(order.goodsFen)}</Descriptions.Item>
        <Descriptions.Item label={t('console.orders.freight')}>{yuan(order.freightFen)}</Descriptions.Item>
        <Descriptions.Item label={t('console.orders.tax')}>
          {yuan(order.taxFen)}
          {order.taxParts !== null && (
            <Typography.Text type="secondary" data-testid="order-tax-parts">
              {' '}({t('console.orders.taxParts', { tariff: yuan(order.taxParts.tariffFen), consumptionTax: yuan(order.taxParts.consumptionTaxFen), vat: yuan(order.taxParts.vatFen) })})
            </Typography.Text>
          )}
        </Descriptions.Item>
        <Descriptions.Item label={t('console.orders.total')}><Typography.Text strong>{yuan(order.totalFen)}</Typography.Text></Descriptions.Item>
      </Descriptions>
      {order.exchangeRates.map((rate) => (
        <Typography.Paragraph key={rate.currency} type="secondary" style={{ margin: 0 }} title={rate.source}>
          {t('console.orders.rateUsed', { currency: rate.currency, rate: rate.rate, date: rate.effectiveDate })}
        </Typography.Paragraph>
      ))}

      <Typography.Title level={5} style={{ marginTop: 24 }}>{t('console.orders.timeline')}</Typography.Title>
      <Timeline
        data-testid="order-timeline"
        items={order.timeline.map((event) => ({
          title: formatDateTime(event.at),
          content: (
            <>
              <Typography.Text strong>{statusText(event.status)}</Typography.Text>
              {event.note !== '' && <div>{event.note}</div>}
            </>
          ),
        }))}
      />
    </div>
  );
}
