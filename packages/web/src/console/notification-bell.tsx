import { useCallback, useEffect, useState } from 'react';
import { Badge, Button, Empty, List, Popover, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import type { notificationListSchema} from '@pavilion/contracts';
import { endpoints } from '@pavilion/contracts';
import type { z } from 'zod';
import { api } from '../api/client.ts';

type NotificationList = z.output<typeof notificationListSchema>;

/** The header's bell: the unread count, the latest notifications, opening one marks it read. */
export function NotificationBell() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const [list, setList] = useState<NotificationList | null>(null);
  const load = useCallback(() => {
    api(endpoints.platform.getNotifications, { query: { pageSize: 20 } }).then(setList, () => setList(null));
  }, []);
  useEffect(() => {
    load();
    // New events arrive from the worker: look again every minute while the console is open.
    const timer = setInterval(load, 60_000);
    return () => clearInterval(timer);
  }, [load]);

  const open = async (id: string, link: string) => {
    await api(endpoints.platform.readNotification, { params: { id } }).catch(() => undefined);
    load();
    void navigate(link);
  };
  const readAll = async () => {
    await api(endpoints.platform.readAllNotifications).catch(() => undefined);
    load();
  };

  const content = (
    <div style={{ width: 320, maxHeight: 420, overflowY: 'auto' }} data-testid="notification-list">
      {list && list.items.length > 0 ? (
        <List
          size="small"
          dataSource={list.items}
          renderItem={(item) => (
            <List.Item key={item.id} data-testid="notification-item" data-unread={item.readAt === null} onClick={() => void open(item.id, item.link)} style={{ cursor: 'pointer' }}>
              <List.Item.Meta title={<Typography.Text strong={item.readAt === null}>{item.title}</Typography.Text>} description={item.body} />
            </List.Item>
          )}
        />
      ) : (
        <Empty description={t('console.notifications.empty')} image={Empty.PRESENTED_IMAGE_SIMPLE} />
      )}
    </div>
  );
  return (
    <Popover
      trigger="click"
      placement="bottomRight"
      title={
        <Button size="small" type="link" data-testid="notification-read-all" disabled={!list || list.unread === 0} onClick={() => void readAll()}>
          {t('console.notifications.readAll')}
        </Button>
      }
      content={content}
    >
      <Badge count={list?.unread ?? 0} size="small">
        <Button data-testid="notification-bell" aria-label={t('console.notifications.bell', { count: list?.unread ?? 0 })}>
          🔔
        </Button>
      </Badge>
    </Popover>
  );
}
