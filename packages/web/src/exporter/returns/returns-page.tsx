import { useTranslation } from 'react-i18next';
import { endpoints } from '@pavilion/contracts';
import { ConsoleReturnsPage, type ConsoleReturnsEndpoints } from '../../console/returns/returns-page.tsx';
import { exporterPaths } from '../exporter-paths.ts';

const returnEndpoints: ConsoleReturnsEndpoints = {
  list: endpoints.exporter.getReturns,
  approve: endpoints.exporter.approveReturn,
  refuse: endpoints.exporter.refuseReturn,
  receive: endpoints.exporter.receiveReturn,
};

/** Returns to handle: the exporter's orders' returns. */
export function ReturnsPage() {
  const { t } = useTranslation();
  return <ConsoleReturnsPage title={t('exporter.returns.title')} returnEndpoints={returnEndpoints} loginPath={exporterPaths.login} showExporter={false} />;
}
