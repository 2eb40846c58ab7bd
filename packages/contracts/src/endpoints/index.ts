import { platformEndpoints } from './platform.ts';
import { authEndpoints } from './auth.ts';
import { storeEndpoints } from './store.ts';
import { exporterEndpoints } from './exporter.ts';
import { operatorEndpoints } from './operator.ts';
import { adminEndpoints } from './admin.ts';
import { paymentsEndpoints } from './payments.ts';
import { mediaEndpoints } from './media.ts';
import { tradeEndpoints } from './trade.ts';

export * from './endpoint.ts';

/** Every endpoint of the API by audience: what the server's routes declare and the web's client calls. */
export const endpoints = {
  platform: platformEndpoints,
  auth: authEndpoints,
  store: storeEndpoints,
  exporter: exporterEndpoints,
  operator: operatorEndpoints,
  admin: adminEndpoints,
  payments: paymentsEndpoints,
  media: mediaEndpoints,
  trade: tradeEndpoints,
} as const;
