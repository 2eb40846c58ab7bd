import { useTranslation } from 'react-i18next';
import { ConsoleOrdersPage } from '../../console/orders/orders-page.tsx';
import { operatorApi } from '../operator-api.ts';
import { operatorPaths } from '../operator-paths.ts';

/** Orders of the operator's pavilions, every exporter's; the detail shows the buyer's identity masked. */
export function OrdersPage() {
  const { t } = useTranslation();
  return <ConsoleOrdersPage title={t('operator.orders.title')} listOrders={operatorApi.listOrders} getOrder={operatorApi.getOrder} loginPath={operatorPaths.login} showExporter />;
}
