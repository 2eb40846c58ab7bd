import { endpoints } from '@pavilion/contracts';
import { Badge, List, Tag } from 'antd-mobile';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { useLocale } from '../../i18n/face-language.tsx';
import { formatDateTime } from '../../shared/china-time.ts';
import { pick } from '../../shared/localized.ts';
import { useEndpoint } from '../../api/query.ts';
import { SignedInContent } from '../components/sign-in-gate.tsx';
import { StorePage } from '../store-ui.tsx';
import { TradeNotificationsBell } from './notifications.tsx';

const statusColor = { open: 'primary', quoted: 'success', closed: 'default' } as const;

/** `/trade/inquiries`: the importer company's inquiries, latest activity first, with unread replies counted. */
export function TradeInboxPage() {
  const { t } = useTranslation();
  const { locale } = useLocale();
  const navigate = useNavigate();
  const inquiries = useEndpoint(endpoints.trade.getInquiries, {});
  return (
    <StorePage title={t('store.trade.inboxTitle')} backTo="/me">
      <TradeNotificationsBell />
      <SignedInContent loaded={inquiries}>
        {(data) =>
          data.items.length === 0 ? (
            <p data-testid="trade-inbox-empty" style={{ textAlign: 'center', color: 'var(--adm-color-weak)' }}>{t('store.trade.inboxEmpty')}</p>
          ) : (
            <List mode="card" data-testid="trade-inbox">
              {data.items.map((inquiry) => (
                <List.Item
                  key={inquiry.id}
                  arrowIcon
                  data-testid="trade-inbox-item"
                  onClick={() => void navigate(`/trade/inquiries/${inquiry.id}`)}
                  description={`${inquiry.product ? pick(locale, inquiry.product.titleZh, inquiry.product.titleEn) : t('store.trade.general')} · ${formatDateTime(inquiry.lastMessageAt)}`}
                  extra={<Tag color={statusColor[inquiry.status]}>{t(`store.trade.status.${inquiry.status}`)}</Tag>}
                >
                  <Badge content={inquiry.unread > 0 ? inquiry.unread : null} style={{ '--right': '-12px' }}>
                    <span>{pick(locale, inquiry.exporter.tradingNameZh, inquiry.exporter.tradingNameEn)}</span>
                  </Badge>
                </List.Item>
              ))}
            </List>
          )
        }
      </SignedInContent>
    </StorePage>
  );
}
