import { useTranslation } from 'react-i18next';
import { ConsoleReturnsPage, type ConsoleReturnsApi } from '../../console/returns/returns-page.tsx';
import { operatorApi } from '../operator-api.ts';
import { operatorPaths } from '../operator-paths.ts';

const api: ConsoleReturnsApi = { list: operatorApi.listReturns, approve: operatorApi.approveReturn, refuse: operatorApi.refuseReturn, received: operatorApi.returnReceived };

/** The after-sale queue: every exporter's returns in the operator's pavilions, by stage and age. */
export function ReturnsPage() {
  const { t } = useTranslation();
  return <ConsoleReturnsPage title={t('operator.returns.title')} api={api} loginPath={operatorPaths.login} showExporter={true} />;
}
