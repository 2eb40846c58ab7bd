import { useTranslation } from 'react-i18next';
import { directShipmentInputSchema } from '@pavilion/contracts';
import { ConsoleFulfilmentPage } from '../../console/fulfilment/fulfilment-page.tsx';
import { exporterApi } from '../exporter-api.ts';
import { exporterPaths } from '../exporter-paths.ts';

/** "Orders to ship": direct (9610) parcels sent from abroad once declared (carrier, waybill, weight), and their tracking. */
export function FulfilmentPage() {
  const { t } = useTranslation();
  return (
    <ConsoleFulfilmentPage
      title={t('exporter.fulfilment.title')}
      intro={t('exporter.fulfilment.intro')}
      loginPath={exporterPaths.login}
      shipSchema={directShipmentInputSchema}
      list={exporterApi.fulfilmentOrders}
      ship={(id, body) => exporterApi.shipOrder(id, directShipmentInputSchema.parse(body))}
      addEvents={exporterApi.addTrackingEvents}
    />
  );
}
