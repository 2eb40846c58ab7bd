import { useTranslation } from 'react-i18next';
import { endpoints } from '@pavilion/contracts';
import { ConsoleReturnsPage, type ConsoleReturnsEndpoints } from '../../console/returns/returns-page.tsx';
import { operatorPaths } from '../operator-paths.ts';

const returnEndpoints: ConsoleReturnsEndpoints = {
  list: endpoints.operator.getReturns,
  approve: endpoints.operator.approveReturn,
  refuse: endpoints.operator.refuseReturn,
  receive: endpoints.operator.receiveReturn,
};

/** The after-sale queue: every exporter's returns in the operator's pavilions, by stage and age. */
export function ReturnsPage() {
  const { t } = useTranslation();
  return <ConsoleReturnsPage title={t('operator.returns.title')} returnEndpoints={returnEndpoints} loginPath={operatorPaths.login} showExporter={true} />;
}
