import type { FastifyInstance } from 'fastify';
import { endpoints } from '@pavilion/contracts';
import type { Db } from '../../db/database.ts';
import type { Clock } from '../../platform/clock.ts';
import type { FileStore } from '../../platform/file-store.ts';
import { errorResponses, typed } from '../../platform/http.ts';
import type { RateService } from '../rates/index.ts';
import { CompanyService } from './company.service.ts';
import { companyRoutes, operatorCompanyRoutes } from './company.routes.ts';
import { InquiryService } from './inquiry.service.ts';
import { exporterInquiryRoutes, importerInquiryRoutes } from './inquiry.routes.ts';
import { B2bOrderService } from './b2b-order.service.ts';
import { exporterB2bOrderRoutes, importerB2bOrderRoutes, operatorB2bOrderRoutes } from './b2b-order.routes.ts';
import { RfqService, type AcceptedQuoteHandler } from './rfq.service.ts';
import { exporterRfqRoutes, importerRfqRoutes } from './rfq.routes.ts';
import { TradeFiguresService } from './trade-figures.service.ts';
import { TradeFileService } from './trade-files.service.ts';
import { route } from '../../platform/endpoint-route.ts';

export interface TradeFeature {
  companies: CompanyService;
  files: TradeFileService;
  inquiries: InquiryService;
  rfqs: RfqService;
  figures: TradeFiguresService;
  b2bOrders: B2bOrderService;
}

export function createTradeFeature(options: { db: Db; clock: Clock; files: FileStore; rates: RateService; accepted?: AcceptedQuoteHandler }): TradeFeature {
  const { db, clock } = options;
  const files = new TradeFileService({ db, clock, files: options.files });
  const b2bOrders = new B2bOrderService({ db, clock });
  return {
    companies: new CompanyService({ db, clock }),
    files,
    inquiries: new InquiryService({ db, clock, files }),
    // An accepted quote issues its B2B order in the acceptance's transaction (a test may hand another handler).
    rfqs: new RfqService({ db, clock, rates: options.rates, accepted: options.accepted ?? b2bOrders }),
    figures: new TradeFiguresService({ db, clock }),
    b2bOrders,
  };
}

/** The trade bridge's routes: importers under /api/trade, exporters under /api/exporter, operators under /api/operator. */
export async function registerTradeRoutes(app: FastifyInstance, feature: TradeFeature): Promise<void> {
  await app.register(async (trade) => {
    await trade.register(companyRoutes(feature.companies));
    await trade.register(importerInquiryRoutes(feature.inquiries, feature.files));
    await trade.register(importerRfqRoutes(feature.rfqs));
    await trade.register(importerB2bOrderRoutes(feature.b2bOrders));
  }, { prefix: '/api/trade' });
  await app.register(async (exporter) => {
    await exporter.register(exporterInquiryRoutes(feature.inquiries, feature.files));
    await exporter.register(exporterRfqRoutes(feature.rfqs));
    await exporter.register(exporterB2bOrderRoutes(feature.b2bOrders));
  }, { prefix: '/api/exporter' });
  await app.register(async (operator) => {
    await operator.register(operatorCompanyRoutes(feature.companies));
    await operator.register(operatorB2bOrderRoutes(feature.b2bOrders));
    route(typed(operator), endpoints.operator.getTradeFigures, {
      schema: { tags: ['operator'], summary: 'Matchmaking figures per exporter and pavilion: inquiries, response rate (48 h), median response time, quotes, accepted', response: errorResponses },
    }, async (request) => feature.figures.figures(request.caller));
  }, { prefix: '/api/operator' });

}
