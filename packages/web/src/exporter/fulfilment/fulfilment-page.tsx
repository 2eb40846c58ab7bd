import { useTranslation } from 'react-i18next';
import { directShipmentInputSchema, endpoints } from '@pavilion/contracts';
import { api } from '../../api/client.ts';
import { ConsoleFulfilmentPage } from '../../console/fulfilment/fulfilment-page.tsx';
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
      list={endpoints.exporter.getFulfilmentOrders}
      ship={(id, body) => api(endpoints.exporter.shipOrder, { params: { id }, body: directShipmentInputSchema.parse(body) })}
      addEvents={(id, body) => api(endpoints.exporter.addTrackingEvent, { params: { id }, body })}
    />
  );
}
