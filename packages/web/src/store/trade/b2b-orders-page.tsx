import { endpoints } from '@pavilion/contracts';
import { useState } from 'react';
import { Button, Dialog, List, Tag, TextArea } from 'antd-mobile';
import { useTranslation } from 'react-i18next';
import { useLocale } from '../../i18n/face-language.tsx';
import { errorText } from '../../shared/errors.ts';
import { pick } from '../../shared/localized.ts';
import { useEndpoint } from '../../api/query.ts';
import { formatMoney } from '../components/money-text.ts';
import { SignedInContent } from '../components/sign-in-gate.tsx';
import { StoreNote, StorePage } from '../store-ui.tsx';
import { api, hrefOf } from '../../api/client.ts';

const statusColor = { proforma_issued: 'primary', deposit_paid: 'primary', in_production: 'warning', shipped: 'warning', balance_paid: 'success', completed: 'success', cancelled: 'default' } as const;

/** `/trade/orders`: the company's B2B orders from accepted quotes, each with its proforma invoice to download. */
export function B2bOrdersPage() {
  const { t } = useTranslation();
  const { locale } = useLocale();
  const orders = useEndpoint(endpoints.trade.getOrders, {});
  const [failure, setFailure] = useState<unknown>(null);
  const cancel = async (id: string) => {
    let reason = '';
    const confirmed = await Dialog.confirm({
      title: t('store.trade.cancelReason'),
      content: <TextArea data-testid="cancel-reason" rows={3} onChange={(value) => { reason = value; }} />,
    });
    if (!confirmed) return;
    setFailure(null);
    try {
      await api(endpoints.trade.cancelOrder, { params: { id }, body: { reason } });
      orders.reload();
    } catch (error) {
      setFailure(error);
    }
  };
  return (
    <StorePage title={t('store.trade.ordersTitle')} backTo="/trade/rfqs">
      {failure !== null && <StoreNote tone="danger">{errorText(failure, locale)}</StoreNote>}
      <SignedInContent loaded={orders}>
        {(data) =>
          data.items.length === 0 ? (
            <p style={{ textAlign: 'center', color: 'var(--adm-color-weak)' }}>{t('store.trade.noOrders')}</p>
          ) : (
            <List mode="card" data-testid="b2b-order-list">
              {data.items.map((order) => (
                <List.Item
                  key={order.id}
                  data-testid="b2b-order-item"
                  data-status={order.status}
                  extra={<Tag color={statusColor[order.status]}>{t(`store.trade.orderStatus.${order.status}`)}</Tag>}
                  description={
                    <>
                      <div>{pick(locale, order.parties.exporter.tradingNameZh, order.parties.exporter.tradingNameEn)} · {t(`store.trade.orderKind.${order.kind}`)}</div>
                      <div data-testid="b2b-order-total">{t('store.trade.orderTotal', { total: formatMoney({ amount: order.totalMinor, currency: order.currency }) })}</div>
                      <div>
                        {order.paymentTerms === 'lc'
                          ? t('store.trade.orderLc')
                          : t('store.trade.orderDeposit', { deposit: formatMoney({ amount: order.depositMinor, currency: order.currency }), balance: formatMoney({ amount: order.balanceMinor, currency: order.currency }) })}
                      </div>
                      <div style={{ display: 'flex', gap: 8, marginTop: 8 }}>
                        <a href={hrefOf(endpoints.trade.getOrderProformaPdf, { params: { id: order.id } })} download data-testid="proforma-download">{t('store.trade.downloadProforma')}</a>
                        {order.nextActions.includes('cancel') && (
                          <Button size="mini" onClick={() => void cancel(order.id)} data-testid="cancel-b2b-order">{t('store.trade.cancelOrder')}</Button>
                        )}
                      </div>
                    </>
                  }
                >
                  <span data-testid="b2b-order-number">{order.number}</span>
                </List.Item>
              ))}
            </List>
          )
        }
      </SignedInContent>
    </StorePage>
  );
}
