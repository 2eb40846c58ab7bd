import { useTranslation } from 'react-i18next';
import { bondedShipmentInputSchema } from '@pavilion/contracts';
import { ConsoleFulfilmentPage } from '../../console/fulfilment/fulfilment-page.tsx';
import { operatorApi } from '../operator-api.ts';
import { operatorPaths } from '../operator-paths.ts';

/** The fulfilment queue: released bonded orders leave the warehouse (one by one or from the waybill sheet), tracking events after. */
export function FulfilmentPage() {
  const { t } = useTranslation();
  return (
    <ConsoleFulfilmentPage
      title={t('operator.fulfilment.title')}
      intro={t('operator.fulfilment.intro')}
      loginPath={operatorPaths.login}
      shipSchema={bondedShipmentInputSchema}
      list={operatorApi.fulfilment}
      ship={(id, body) => operatorApi.shipOrder(id, bondedShipmentInputSchema.parse(body))}
      addEvents={operatorApi.addTrackingEvents}
      upload={operatorApi.uploadWaybills}
    />
  );
}
