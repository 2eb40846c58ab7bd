import { useTranslation } from 'react-i18next';
import { ConsoleReturnsPage, type ConsoleReturnsApi } from '../../console/returns/returns-page.tsx';
import { exporterApi } from '../exporter-api.ts';
import { exporterPaths } from '../exporter-paths.ts';

const api: ConsoleReturnsApi = { list: exporterApi.listReturns, approve: exporterApi.approveReturn, refuse: exporterApi.refuseReturn, received: exporterApi.returnReceived };

/** Returns to handle: the exporter's orders' returns. */
export function ReturnsPage() {
  const { t } = useTranslation();
  return <ConsoleReturnsPage title={t('exporter.returns.title')} api={api} loginPath={exporterPaths.login} showExporter={false} />;
}
