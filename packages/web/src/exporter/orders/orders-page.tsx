import { useTranslation } from 'react-i18next';
import { ConsoleOrdersPage } from '../../console/orders/orders-page.tsx';
import { exporterApi } from '../exporter-api.ts';
import { exporterPaths } from '../exporter-paths.ts';

/** The exporter's orders, to ship: consignee and address, never the buyer's ID number (PIPL, cross-border transfer). */
export function OrdersPage() {
  const { t } = useTranslation();
  return <ConsoleOrdersPage title={t('exporter.orders.title')} listOrders={exporterApi.listOrders} getOrder={exporterApi.getOrder} loginPath={exporterPaths.login} showExporter={false} />;
}
