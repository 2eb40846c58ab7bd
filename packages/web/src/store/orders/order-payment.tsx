import { endpoints } from '@pavilion/contracts';
import { useEffect, useState } from 'react';
import { Button, Toast } from 'antd-mobile';
import { useTranslation } from 'react-i18next';
import { useLocale } from '../../i18n/face-language.tsx';
import { errorText } from '../../shared/errors.ts';
import { formatDateTime } from '../../shared/china-time.ts';
import { formatCountdown } from '../components/dates.ts';
import { api } from '../../api/client.ts';

/** Seconds until `iso`, ticking every second (never below 0). */
function useSecondsLeft(iso: string): number {
  const deadline = new Date(iso).getTime();
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const timer = window.setInterval(() => setNow(Date.now()), 1000);
    return () => window.clearInterval(timer);
  }, []);
  return Math.max(0, Math.round((deadline - now) / 1000));
}

/** An unpaid order's deadline: pay by this time (30 minutes after placing), or it is cancelled and its stock released. */
export function PaymentDeadline({ expiresAt }: { expiresAt: string }) {
  const { t } = useTranslation();
  const left = useSecondsLeft(expiresAt);
  return (
    <span data-testid="payment-deadline" data-expires-at={expiresAt} style={{ fontSize: 12, color: left > 0 ? '#ad4e00' : 'var(--adm-color-weak)' }}>
      {left > 0 ? t('store.orders.payBy', { time: formatDateTime(expiresAt), left: formatCountdown(left) }) : t('store.orders.expired')}
    </span>
  );
}

/**
 * Pays for an unpaid order: its whole checkout (the orders placed together) is paid at once. The
 * order's checkout comes from its detail, read first when only the summary is at hand.
 */
export function PayButton({ orderId, checkoutId, expiresAt }: { orderId: string; checkoutId?: string; expiresAt: string }) {
  const { t } = useTranslation();
  const { locale } = useLocale();
  const [busy, setBusy] = useState(false);
  const expired = new Date(expiresAt).getTime() <= Date.now();
  const pay = async () => {
    setBusy(true);
    try {
      const checkout = checkoutId ?? (await api(endpoints.store.getOrder, { params: { id: orderId } })).checkoutId;
      const payment = await api(endpoints.store.payCheckout, { params: { id: checkout }, body: { method: 'sandbox' } });
      if (payment.kind === 'sandbox') {
        window.location.assign(payment.url);
        return;
      }
      // wx.requestPayment only exists inside the WeChat mini program.
      Toast.show({ content: t('store.orders.payInWechat') });
    } catch (error) {
      Toast.show({ content: errorText(error, locale) });
    } finally {
      setBusy(false);
    }
  };
  return (
    <Button size="small" color="danger" data-testid="pay-button" disabled={expired} loading={busy} onClick={() => void pay()}>
      {t('store.orders.pay')}
    </Button>
  );
}
