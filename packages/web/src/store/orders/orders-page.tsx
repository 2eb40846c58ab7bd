import { endpoints } from '@pavilion/contracts';
import { useEffect, useRef } from 'react';
import { ErrorBlock, NoticeBar, Tabs } from 'antd-mobile';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { orderStatuses, type OrderStatus, type OrderSummary } from '@pavilion/contracts';
import { useLocale } from '../../i18n/face-language.tsx';
import { pick } from '../../shared/localized.ts';
import { useEndpoint } from '../../api/query.ts';
import { formatDateTime } from '../../shared/china-time.ts';
import { formatYuan } from '../components/money-text.ts';
import { SignedInContent } from '../components/sign-in-gate.tsx';
import { StorePage } from '../store-ui.tsx';
import { PayButton, PaymentDeadline } from './order-payment.tsx';
import { isOrderStatus, OrderStatusTag } from './order-status.tsx';

/** After the payment page: how often and how long to re-read orders still waiting for the payment's notification. */
const PAYMENT_POLL_MS = 2000;
const PAYMENT_POLL_TIMES = 8;

/** `/orders?status=…`: the buyer's orders by status; `?checkout=` is where the payment page returns. */
export function OrdersPage() {
  const { t } = useTranslation();
  const [params, setParams] = useSearchParams();
  const statusParam = params.get('status');
  const status: OrderStatus | null = isOrderStatus(statusParam) ? statusParam : null;
  const returnedFromPayment = params.get('checkout') !== null;
  const orders = useEndpoint(endpoints.store.getOrders, { query: { status: status ?? undefined } });

  // The payment's notification may land a moment after the buyer is back: look again a few times.
  const polls = useRef(0);
  const list = orders.status === 'done' ? orders.data : null;
  const pending = list !== null && list.items.some((order) => order.status === 'pending_payment');
  const { reload } = orders;
  useEffect(() => {
    if (!returnedFromPayment || !pending || polls.current >= PAYMENT_POLL_TIMES) return;
    const timer = window.setTimeout(() => {
      polls.current += 1;
      reload();
    }, PAYMENT_POLL_MS);
    return () => window.clearTimeout(timer);
  }, [returnedFromPayment, pending, reload, list]);

  return (
    <StorePage title={t('store.orders.title')} backTo="/me">
      {returnedFromPayment && (
        <NoticeBar data-testid="orders-returned" color="info" content={t('store.orders.returned')} style={{ marginBottom: 8, borderRadius: 6 }} />
      )}
      <Tabs
        activeKey={status ?? 'all'}
        onChange={(key) =>
          setParams((current) => {
            const next = new URLSearchParams(current);
            if (key === 'all') next.delete('status');
            else next.set('status', key);
            return next;
          }, { replace: true })
        }
        style={{ background: 'var(--adm-color-background)', borderRadius: 8, marginBottom: 12 }}
        data-testid="order-tabs"
      >
        <Tabs.Tab key="all" title={t('store.orders.all')} />
        {orderStatuses.map((value) => (
          <Tabs.Tab key={value} title={t(`store.orders.status.${value}`)} />
        ))}
      </Tabs>
      <SignedInContent loaded={orders}>
        {(data) =>
          data.items.length === 0 ? (
            <ErrorBlock status="empty" title={t('store.orders.empty')} description={null} />
          ) : (
            <div data-testid="order-list">
              {data.items.map((order) => (
                <OrderCard key={order.id} order={order} />
              ))}
            </div>
          )
        }
      </SignedInContent>
    </StorePage>
  );
}

function OrderCard({ order }: { order: OrderSummary }) {
  const { t } = useTranslation();
  const { locale } = useLocale();
  return (
    <section
      data-testid="order-card"
      data-order-id={order.id}
      data-status={order.status}
      style={{ background: 'var(--adm-color-background)', borderRadius: 8, padding: 12, marginBottom: 12 }}
    >
      <Link to={`/orders/${order.id}`} className="pv-link" style={{ display: 'block' }}>
        <div style={{ display: 'flex', justifyContent: 'space-between', alignItems: 'center', gap: 8 }}>
          <span style={{ fontWeight: 600, fontSize: 14 }}>{pick(locale, order.exporter.nameZh || order.exporter.nameEn, order.exporter.nameEn || order.exporter.nameZh)}</span>
          <OrderStatusTag status={order.status} />
        </div>
        <div className="pv-clamp-2" style={{ fontSize: 14, margin: '8px 0 4px' }}>
          {pick(locale, order.firstTitleZh || order.firstTitleEn, order.firstTitleEn || order.firstTitleZh)}
        </div>
        <div style={{ fontSize: 12, color: 'var(--adm-color-weak)' }}>
          {t('store.orders.itemCount', { count: order.itemCount })} · {t(`store.customsMode.${order.customsMode}`)}
        </div>
        <div style={{ display: 'flex', justifyContent: 'space-between', alignItems: 'baseline', flexWrap: 'wrap', gap: 4, marginTop: 6, fontSize: 12, color: 'var(--adm-color-weak)' }}>
          <span>
            {t('store.orders.number')} {order.number} · {formatDateTime(order.createdAt)}
          </span>
          <span style={{ fontSize: 14, color: 'var(--adm-color-text)' }}>
            {t('store.orders.total')} <strong data-testid="order-total">{formatYuan(order.totalFen)}</strong>
          </span>
        </div>
      </Link>
      {order.status === 'pending_payment' && (
        <div style={{ display: 'flex', justifyContent: 'space-between', alignItems: 'center', gap: 8, marginTop: 8 }}>
          <PaymentDeadline expiresAt={order.expiresAt} />
          <PayButton orderId={order.id} expiresAt={order.expiresAt} />
        </div>
      )}
    </section>
  );
}
