import { endpoints } from '@pavilion/contracts';
import { useState } from 'react';
import { Button, Dialog, List, Steps, Toast } from 'antd-mobile';
import { useTranslation } from 'react-i18next';
import { useNavigate, useParams } from 'react-router';
import type { OrderDetail } from '@pavilion/contracts';
import { useLocale } from '../../i18n/face-language.tsx';
import { errorText } from '../../shared/errors.ts';
import { pick } from '../../shared/localized.ts';
import { useEndpoint } from '../../api/query.ts';
import { AmountRow, QuoteLines, TaxPartRows } from '../checkout/shipment-card.tsx';
import { formatDateTime } from '../../shared/china-time.ts';
import { Panel } from '../components/section.tsx';
import { SignedInContent } from '../components/sign-in-gate.tsx';
import { StorePage } from '../store-ui.tsx';
import { PayButton, PaymentDeadline } from './order-payment.tsx';
import { OrderStatusTag, useEventStatusText } from './order-status.tsx';
import { api } from '../../api/client.ts';

/** `/orders/:id`: status (and the way to pay while unpaid), consignee, buyer, lines, amounts, rates and the timeline. */
export function OrderDetailPage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const order = useEndpoint(endpoints.store.getOrder, { params: { id } });
  return (
    <StorePage title={t('store.orders.detailTitle')} backTo="/orders">
      <SignedInContent loaded={order}>{(data) => <OrderDetails order={data} onChanged={order.reload} />}</SignedInContent>
    </StorePage>
  );
}

function OrderDetails({ order, onChanged }: { order: OrderDetail; onChanged: () => void }) {
  const { t } = useTranslation();
  const { locale } = useLocale();
  const statusText = useEventStatusText();
  const none = t('common.none');
  return (
    <div data-testid="order-detail" data-status={order.status}>
      <Panel>
        <div style={{ display: 'flex', justifyContent: 'space-between', alignItems: 'center' }}>
          <strong style={{ fontSize: 15 }}>{pick(locale, order.exporter.nameZh || order.exporter.nameEn, order.exporter.nameEn || order.exporter.nameZh)}</strong>
          <OrderStatusTag status={order.status} />
        </div>
        <div style={{ fontSize: 12, color: 'var(--adm-color-weak)', marginTop: 6 }}>
          {t('store.orders.number')} <span data-testid="order-number">{order.number}</span> · {t(`store.customsMode.${order.customsMode}`)}
        </div>
        {order.status === 'pending_payment' && (
          <div style={{ display: 'flex', justifyContent: 'space-between', alignItems: 'center', gap: 8, marginTop: 10 }}>
            <PaymentDeadline expiresAt={order.expiresAt} />
            <div style={{ display: 'flex', gap: 6 }}>
              <CancelButton orderId={order.id} onCancelled={onChanged} />
              <PayButton orderId={order.id} checkoutId={order.checkoutId} expiresAt={order.expiresAt} />
            </div>
          </div>
        )}
      </Panel>
      <Panel title={t('store.orders.consignee')}>
        <div data-testid="order-consignee" style={{ fontSize: 14, lineHeight: 1.6 }}>
          <div>
            {order.consignee.name} <span style={{ marginLeft: 6 }}>{order.consignee.phone}</span>
          </div>
          <div style={{ color: 'var(--adm-color-text-secondary)' }}>{order.consignee.address}</div>
        </div>
        {order.identity !== null && (
          <div data-testid="order-identity" style={{ fontSize: 13, color: 'var(--adm-color-weak)', marginTop: 8 }}>
            {t('store.orders.buyer')} {order.identity.nameMasked} {order.identity.idNumberMasked}
          </div>
        )}
      </Panel>
      <Panel title={t('store.orders.items')}>
        <QuoteLines lines={order.lines} />
        <div style={{ marginTop: 6 }}>
          <AmountRow label={t('store.checkout.goods')} fen={order.goodsFen} testId="order-goods" />
          <AmountRow label={t('store.checkout.freight')} fen={order.freightFen} testId="order-freight" />
          <AmountRow label={t('store.checkout.tax')} fen={order.taxFen} testId="order-tax" />
          <TaxPartRows parts={order.taxParts} testId="order-tax-parts" />
          <AmountRow label={order.status === 'pending_payment' ? t('store.orders.toPay') : t('store.orders.paidTotal')} fen={order.totalFen} testId="order-detail-total" strong />
        </div>
        {order.exchangeRates
          .filter((rate) => rate.currency !== 'CNY')
          .map((rate) => (
            <p key={rate.currency} title={rate.source} style={{ margin: '6px 0 0', fontSize: 12, color: 'var(--adm-color-weak)' }}>
              {t('store.checkout.rateNote', { currency: rate.currency, rate: rate.rate, date: rate.effectiveDate })}
            </p>
          ))}
        {order.regime === 'general' && <p style={{ margin: '6px 0 0', fontSize: 12, color: '#ad4e00' }}>{t('store.orders.generalRegime')}</p>}
      </Panel>
      {(order.status === 'shipped' || order.status === 'delivered') && (
        <Panel>
          <div style={{ display: 'flex', justifyContent: 'space-between', alignItems: 'center', gap: 8 }}>
            <span style={{ fontSize: 13, color: 'var(--adm-color-weak)' }}>{t('store.orders.receiptHint')}</span>
            <ConfirmReceiptButton orderId={order.id} onConfirmed={onChanged} />
          </div>
        </Panel>
      )}
      {order.shipments.map((shipment) => (
        <Panel key={shipment.trackingNumber} title={t('store.orders.tracking')} testId="order-tracking">
          <div data-testid="tracking-waybill" style={{ fontSize: 13, marginBottom: 8 }}>
            {pick(locale, shipment.carrierNameZh, shipment.carrierNameEn)} <span style={{ marginLeft: 6 }}>{t('store.orders.trackingNumber')} {shipment.trackingNumber}</span>
          </div>
          {/* Newest first, as carriers' own pages show a parcel's progress. */}
          <Steps direction="vertical" current={0} style={{ '--title-font-size': '14px', '--description-font-size': '12px' }}>
            {[...shipment.events].reverse().map((event, index) => (
              <Steps.Step
                key={`${event.at}-${index}`}
                data-testid="tracking-event"
                data-status={event.status}
                title={<span data-testid="tracking-event-text">{pick(locale, event.text, event.textEn || event.text)}</span>}
                description={
                  <>
                    <div data-testid="tracking-event-place">{pick(locale, event.place, event.placeEn || event.place)}</div>
                    <div data-testid="tracking-event-time">{formatDateTime(event.at)}</div>
                  </>
                }
              />
            ))}
          </Steps>
        </Panel>
      ))}
      {(order.status === 'delivered' || order.status === 'completed') && <ReturnEntry orderId={order.id} />}
      <Panel title={t('store.orders.timeline')} testId="order-timeline">
        <Steps direction="vertical" current={order.timeline.length - 1} style={{ '--title-font-size': '14px', '--description-font-size': '12px' }}>
          {order.timeline.map((event, index) => (
            <Steps.Step
              key={`${event.at}-${index}`}
              data-testid="timeline-event"
              data-status={event.status}
              title={statusText(event.status)}
              description={
                <>
                  <div>{formatDateTime(event.at)}</div>
                  {event.note !== '' && <div>{event.note}</div>}
                </>
              }
            />
          ))}
        </Steps>
      </Panel>
      <List mode="card" style={{ margin: 0 }}>
        <List.Item extra={formatDateTime(order.createdAt)}>{t('store.orders.createdAt')}</List.Item>
        <List.Item extra={order.paidAt === null ? none : formatDateTime(order.paidAt)}>{t('store.orders.paidAt')}</List.Item>
      </List>
    </div>
  );
}

function ConfirmReceiptButton({ orderId, onConfirmed }: { orderId: string; onConfirmed: () => void }) {
  const { t } = useTranslation();
  const { locale } = useLocale();
  const [busy, setBusy] = useState(false);
  const confirm = async () => {
    const confirmed = await Dialog.confirm({ content: t('store.orders.confirmReceiptAsk'), confirmText: t('store.orders.confirmReceipt'), cancelText: t('store.orders.notYet') });
    if (!confirmed) return;
    setBusy(true);
    try {
      await api(endpoints.store.confirmOrderReceipt, { params: { id: orderId } });
      onConfirmed();
    } catch (error) {
      Toast.show({ content: errorText(error, locale) });
    } finally {
      setBusy(false);
    }
  };
  return (
    <Button size="small" color="primary" data-testid="confirm-receipt" loading={busy} onClick={() => void confirm()}>
      {t('store.orders.confirmReceipt')}
    </Button>
  );
}

function CancelButton({ orderId, onCancelled }: { orderId: string; onCancelled: () => void }) {
  const { t } = useTranslation();
  const { locale } = useLocale();
  const [busy, setBusy] = useState(false);
  const cancel = async () => {
    const confirmed = await Dialog.confirm({ content: t('store.orders.cancelConfirm'), confirmText: t('store.orders.cancel'), cancelText: t('store.orders.keep') });
    if (!confirmed) return;
    setBusy(true);
    try {
      await api(endpoints.store.cancelOrder, { params: { id: orderId } });
      onCancelled();
    } catch (error) {
      Toast.show({ content: errorText(error, locale) });
    } finally {
      setBusy(false);
    }
  };
  return (
    <Button size="small" data-testid="cancel-order" loading={busy} onClick={() => void cancel()}>
      {t('store.orders.cancel')}
    </Button>
  );
}

/** 申请退货 / Request a return, on a delivered order; the buyer's returns are one tap away. */
function ReturnEntry({ orderId }: { orderId: string }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  return (
    <Panel testId="order-returns">
      <div style={{ display: 'flex', justifyContent: 'space-between', alignItems: 'center', gap: 8 }}>
        <Button size="small" fill="none" data-testid="order-returns-link" onClick={() => void navigate('/returns')}>
          {t('store.returns.listTitle')}
        </Button>
        <Button size="small" color="primary" fill="outline" data-testid="request-return" onClick={() => void navigate(`/orders/${orderId}/return`)}>
          {t('store.returns.request')}
        </Button>
      </div>
    </Panel>
  );
}
