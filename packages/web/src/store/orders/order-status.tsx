import { Tag } from 'antd-mobile';
import { useTranslation } from 'react-i18next';
import { orderStatuses, type OrderStatus } from '@pavilion/contracts';

const statusColors = {
  pending_payment: 'warning',
  paid: 'primary',
  shipped: 'primary',
  delivered: 'success',
  cancelled: 'default',
  completed: 'success',
  refunding: 'warning',
  refunded: 'default',
} as const satisfies Record<OrderStatus, string>;

export function isOrderStatus(value: unknown): value is OrderStatus {
  return typeof value === 'string' && (orderStatuses as readonly string[]).includes(value);
}

/** The order's state in words, coloured: 待付款, 已付款, … */
export function OrderStatusTag({ status }: { status: OrderStatus }) {
  const { t } = useTranslation();
  return (
    <Tag color={statusColors[status]} fill="outline" data-testid="order-status" data-status={status}>
      {t(`store.orders.status.${status}`)}
    </Tag>
  );
}

/** A timeline event's status: an order status in words, or the event's own name for steps beyond them (customs, shipping). */
export function useEventStatusText(): (status: string) => string {
  const { t } = useTranslation();
  // Steps beyond the order's states (customs_submitted, return_requested, …) in words when the locale names them, else as recorded.
  return (status) => (isOrderStatus(status) ? t(`store.orders.status.${status}`) : t(`store.orders.events.${status}`, { defaultValue: status }));
}
