import type { Migration } from 'kysely/migration';
import * as accounts from './2026-11-22T1100-accounts.ts';
import * as catalog from './2026-11-22T1300-catalog.ts';
import * as baseCategories from './2026-11-22T1310-base-categories.ts';
import * as productImportRefs from './2026-11-22T1440-product-import-refs.ts';
import * as search from './2026-11-23T1000-search.ts';
import * as checkout from './2026-11-23T1200-checkout.ts';
import * as orderFulfilmentColumns from './2026-12-01T0900-order-fulfilment-columns.ts';
import * as customs from './2026-12-01T1100-customs.ts';
import * as fulfilment from './2026-12-01T1200-fulfilment.ts';
import * as returns from './2026-12-01T1300-returns.ts';
import * as settlement from './2026-12-01T1400-settlement.ts';
import * as searchSpeed from './2026-12-01T1500-search-speed.ts';
import * as trade from './2026-12-01T1600-trade.ts';
import * as b2bOrders from './2026-12-01T1700-b2b-orders.ts';
import * as notifications from './2026-12-01T1800-notifications.ts';
import * as suggestSpeed from './2026-12-02T0900-suggest-speed.ts';
import * as searchBlocks from './2026-12-02T1000-search-blocks.ts';
import * as generalRegimeTax from './2026-12-07T1000-general-regime-tax.ts';
import * as hsFoodMark from './2026-12-07T1100-hs-food-mark.ts';
import * as jobs from './2026-12-07T1600-jobs.ts';
import * as outboxClaims from './2026-12-07T1800-outbox-claims.ts';
import * as notificationEvents from './2026-12-07T2000-notification-events.ts';
import * as coupons from './2026-12-07T2200-coupons.ts';
import * as flashSales from './2026-12-07T2230-flash-sales.ts';

/** Every migration, in order. Names are dated; a migration never changes once it has shipped. */
export const migrations: Record<string, Migration> = {
  '2026-11-22T1100-accounts': accounts,
  '2026-11-22T1300-catalog': catalog,
  '2026-11-22T1310-base-categories': baseCategories,
  '2026-11-22T1440-product-import-refs': productImportRefs,
  '2026-11-23T1000-search': search,
  '2026-11-23T1200-checkout': checkout,
  '2026-12-01T0900-order-fulfilment-columns': orderFulfilmentColumns,
  '2026-12-01T1100-customs': customs,
  '2026-12-01T1200-fulfilment': fulfilment,
  '2026-12-01T1300-returns': returns,
  '2026-12-01T1400-settlement': settlement,
  '2026-12-01T1500-search-speed': searchSpeed,
  '2026-12-01T1600-trade': trade,
  '2026-12-01T1700-b2b-orders': b2bOrders,
  '2026-12-01T1800-notifications': notifications,
  '2026-12-02T0900-suggest-speed': suggestSpeed,
  '2026-12-02T1000-search-blocks': searchBlocks,
  '2026-12-07T1000-general-regime-tax': generalRegimeTax,
  '2026-12-07T1100-hs-food-mark': hsFoodMark,
  '2026-12-07T1600-jobs': jobs,
  '2026-12-07T1800-outbox-claims': outboxClaims,
  '2026-12-07T2000-notification-events': notificationEvents,
  '2026-12-07T2200-coupons': coupons,
  '2026-12-07T2230-flash-sales': flashSales,
};
