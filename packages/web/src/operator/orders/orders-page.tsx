import { useTranslation } from 'react-i18next';
import { endpoints } from '@pavilion/contracts';
import { ConsoleOrdersPage } from '../../console/orders/orders-page.tsx';
import { operatorPaths } from '../operator-paths.ts';

/** Orders of the operator's pavilions, every exporter's; the detail shows the buyer's identity masked. */
export function OrdersPage() {
  const { t } = useTranslation();
  return <ConsoleOrdersPage title={t('operator.orders.title')} orderEndpoints={{ list: endpoints.operator.getOrders, get: endpoints.operator.getOrder }} loginPath={operatorPaths.login} showExporter />;
}
