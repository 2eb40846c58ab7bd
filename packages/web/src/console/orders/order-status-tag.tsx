import { Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import type { OrderStatus } from '@pavilion/contracts';

const colors = {
  pending_payment: 'gold',
  paid: 'blue',
  shipped: 'cyan',
  delivered: 'geekblue',
  cancelled: 'default',
  completed: 'green',
  refunding: 'orange',
  refunded: 'default',
} as const satisfies Record<OrderStatus, string>;

export function OrderStatusTag({ status }: { status: OrderStatus }) {
  const { t } = useTranslation();
  return (
    <Tag color={colors[status]} data-testid="order-status" data-status={status}>
      {t(`console.orders.status.${status}`)}
    </Tag>
  );
}
