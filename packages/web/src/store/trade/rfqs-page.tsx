import { endpoints } from '@pavilion/contracts';
import { Button, List, Tag } from 'antd-mobile';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { tradeUnits } from '@pavilion/contracts';
import { useLocale } from '../../i18n/face-language.tsx';
import { formatDateTime } from '../../shared/china-time.ts';
import { pick } from '../../shared/localized.ts';
import { useEndpoint } from '../../api/query.ts';
import { SignedInContent } from '../components/sign-in-gate.tsx';
import { StorePage } from '../store-ui.tsx';
import { TradeNotificationsBell } from './notifications.tsx';

export const rfqStatusColor = { open: 'primary', closed_deadline: 'warning', accepted: 'success', cancelled: 'default' } as const;

/** `/trade/rfqs`: the company's requests for quotation, with how many exporters they reached and quoted. */
export function RfqsPage() {
  const { t } = useTranslation();
  const { locale } = useLocale();
  const navigate = useNavigate();
  const rfqs = useEndpoint(endpoints.trade.getRfqs, {});
  const lang = locale === 'zh-CN' ? 'zh' : 'en';
  return (
    <StorePage title={t('store.trade.rfqsTitle')} backTo="/me">
      <TradeNotificationsBell />
      <Button block color="primary" onClick={() => void navigate('/trade/rfqs/new')} data-testid="new-rfq" style={{ marginBottom: 12 }}>
        {t('store.trade.newRfq')}
      </Button>
      <Button block onClick={() => void navigate('/trade/orders')} data-testid="b2b-orders" style={{ marginBottom: 12 }}>
        {t('store.trade.ordersTitle')}
      </Button>
      <SignedInContent loaded={rfqs}>
        {(data) =>
          data.items.length === 0 ? (
            <p style={{ textAlign: 'center', color: 'var(--adm-color-weak)' }}>{t('store.trade.noRfqs')}</p>
          ) : (
            <List mode="card" data-testid="rfq-list">
              {data.items.map((rfq) => (
                <List.Item
                  key={rfq.id}
                  arrowIcon
                  data-testid="rfq-item"
                  onClick={() => void navigate(`/trade/rfqs/${rfq.id}`)}
                  description={`${rfq.quantity} ${tradeUnits[rfq.unit][lang]} · ${t('store.trade.quotesCount', { quotes: rfq.quotes, matched: rfq.matchedExporters })} · ${t('store.trade.deadlineAt', { at: formatDateTime(rfq.deadline) })}`}
                  extra={<Tag color={rfqStatusColor[rfq.status]}>{t(`store.trade.rfqStatus.${rfq.status}`)}</Tag>}
                >
                  {pick(locale, rfq.descriptionZh || rfq.descriptionEn, rfq.descriptionEn || rfq.descriptionZh)}
                </List.Item>
              ))}
            </List>
          )
        }
      </SignedInContent>
    </StorePage>
  );
}
