import type { MatrixCase } from '../role-matrix.ts';
import { foundationCases } from './foundation.ts';
import { pavilionContentCases } from './pavilion-content.ts';
import { exporterCases } from './exporters.ts';
import { catalogCases } from './catalog.ts';
import { catalogImportCases } from './catalog-import.ts';
import { searchCases } from './search.ts';
import { buyerCases } from './buyer.ts';
import { orderCases } from './orders.ts';
import { paymentCases } from './payments.ts';
import { settlementCases } from './settlement.ts';
import { fulfilmentCases } from './fulfilment.ts';
import { returnCases } from './returns.ts';
import { tradeCases } from './trade.ts';
import { customsCases } from './customs.ts';
import { b2bOrderCases } from './b2b-orders.ts';
import { notificationCases } from './notifications.ts';

/** Every feature's cases. Logout comes last: it ends the actors' sessions. */
const logout = (c: MatrixCase) => c.url === '/api/auth/logout';
const cases: MatrixCase[] = [...foundationCases, ...exporterCases, ...pavilionContentCases, ...catalogCases, ...catalogImportCases, ...searchCases, ...buyerCases, ...orderCases, ...paymentCases, ...settlementCases, ...fulfilmentCases, ...returnCases, ...tradeCases, ...customsCases, ...b2bOrderCases, ...notificationCases];
export const allCases: MatrixCase[] = [...cases.filter((c) => !logout(c)), ...cases.filter(logout)];
