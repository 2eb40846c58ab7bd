import { useCallback } from 'react';
import { Badge, Button, List } from 'antd-mobile';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { endpoints } from '@pavilion/contracts';
import { api } from '../../api/client.ts';
import { formatDateTime } from '../../shared/china-time.ts';
import { useEndpoint, useInvalidate } from '../../api/query.ts';
import { SignedInContent } from '../components/sign-in-gate.tsx';
import { StorePage } from '../store-ui.tsx';

/** The bell on the trade pages: the unread count, opening the list. */
export function TradeNotificationsBell() {
  const { t } = useTranslation();
  // The caller's own notifications (any signed-in user's); a failure shows no count.
  const count = useEndpoint(endpoints.platform.getUnreadNotificationCount, {});
  const unread = count.status === 'done' ? count.data.unread : 0;
  return (
    <div style={{ display: 'flex', justifyContent: 'flex-end', marginBottom: 8 }}>
      <Link to="/trade/notifications" data-testid="notification-bell" aria-label={t('store.notifications.bell', { count: unread })}>
        <Badge content={unread > 0 ? (unread > 99 ? '99+' : String(unread)) : null} data-testid="notification-badge">
          <span style={{ fontSize: 20 }}>🔔</span>
        </Badge>
      </Link>
    </div>
  );
}

/** `/trade/notifications`: newest first; opening one marks it read and goes where it is acted on. */
export function TradeNotificationsPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const loaded = useEndpoint(endpoints.platform.getNotifications, { query: { pageSize: 50 } });
  const invalidate = useInvalidate();
  const changed = () => void invalidate(endpoints.platform.getNotifications, endpoints.platform.getUnreadNotificationCount);
  const open = useCallback(
    async (id: string, link: string) => {
      await api(endpoints.platform.readNotification, { params: { id } }).catch(() => undefined);
      void invalidate(endpoints.platform.getNotifications, endpoints.platform.getUnreadNotificationCount);
      void navigate(link);
    },
    [navigate, invalidate],
  );
  return (
    <StorePage title={t('store.notifications.title')} backTo="/trade/inquiries">
      <SignedInContent loaded={loaded}>
        {(data) =>
          data.items.length === 0 ? (
            <p data-testid="notification-empty" style={{ textAlign: 'center', color: 'var(--adm-color-weak)' }}>{t('store.notifications.empty')}</p>
          ) : (
            <>
              <Button size="small" data-testid="notification-read-all" disabled={data.unread === 0} onClick={() => void api(endpoints.platform.readAllNotifications).then(changed, changed)}>
                {t('store.notifications.readAll')}
              </Button>
              <List mode="card" data-testid="notification-list">
                {data.items.map((item) => (
                  <List.Item key={item.id} arrowIcon data-testid="notification-item" data-unread={item.readAt === null} description={`${item.body} · ${formatDateTime(item.createdAt)}`} onClick={() => void open(item.id, item.link)}>
                    <span style={{ fontWeight: item.readAt === null ? 600 : 400 }}>{item.title}</span>
                  </List.Item>
                ))}
              </List>
            </>
          )
        }
      </SignedInContent>
    </StorePage>
  );
}
