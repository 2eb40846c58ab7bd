import { useTranslation } from 'react-i18next';
import { bondedShipmentInputSchema, endpoints } from '@pavilion/contracts';
import { api, uploadTo } from '../../api/client.ts';
import { ConsoleFulfilmentPage } from '../../console/fulfilment/fulfilment-page.tsx';
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
      list={endpoints.operator.getFulfilment}
      ship={(id, body) => api(endpoints.operator.shipOrder, { params: { id }, body: bondedShipmentInputSchema.parse(body) })}
      addEvents={(id, body) => api(endpoints.operator.addTrackingEvent, { params: { id }, body })}
      upload={(file) => uploadTo(endpoints.operator.importShipmentsCsv, file)}
    />
  );
}
