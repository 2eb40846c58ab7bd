import { useTranslation } from 'react-i18next';
import { endpoints } from '@pavilion/contracts';
import { ConsoleOrdersPage } from '../../console/orders/orders-page.tsx';
import { exporterPaths } from '../exporter-paths.ts';

/** The exporter's orders, to ship: consignee and address, never the buyer's ID number (PIPL, cross-border transfer). */
export function OrdersPage() {
  const { t } = useTranslation();
  return <ConsoleOrdersPage title={t('exporter.orders.title')} orderEndpoints={{ list: endpoints.exporter.getOrders, get: endpoints.exporter.getOrder }} loginPath={exporterPaths.login} showExporter={false} />;
}
