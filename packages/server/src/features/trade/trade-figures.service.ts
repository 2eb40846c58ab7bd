import type { z } from 'zod';
import type { tradeFiguresSchema } from '@pavilion/contracts';
import type { Db } from '../../db/database.ts';
import { operatorScope, requireRole } from '../../platform/access.ts';
import type { Clock } from '../../platform/clock.ts';
import type { Caller } from '../../platform/sessions.ts';
import { responseFigures, type InquiryTiming } from './inquiry.rules.ts';
import { dealFigures, noDeals, sumDeals, type DealCounts } from './trade-figures.rules.ts';

/**
 * Matchmaking figures for operators, per exporter and per pavilion of theirs (every pavilion for
 * admins): inquiries received, the response rate within 48 hours, the median first-response time,
 * quotes sent and quotes accepted, B2B orders not cancelled and the conversion to them. Slow answers lose
 * buyers; these show who answers, and whose answers become trade.
 */
export class TradeFiguresService {
  private readonly db: Db;
  private readonly clock: Clock;

  constructor(options: { db: Db; clock: Clock }) {
    this.db = options.db;
    this.clock = options.clock;
  }

  async figures(caller: Caller | null): Promise<z.infer<typeof tradeFiguresSchema>> {
    const scope = operatorScope(requireRole(caller, 'operator', 'admin'));
    if (scope !== 'all' && scope.length === 0) return { exporters: [], pavilions: [] };
    let pavilionQuery = this.db.selectFrom('pavilions').select(['id', 'name_en', 'name_zh']).orderBy('position').orderBy('id');
    if (scope !== 'all') pavilionQuery = pavilionQuery.where('id', 'in', scope);
    const pavilions = await pavilionQuery.execute();
    if (pavilions.length === 0) return { exporters: [], pavilions: [] };
    const pavilionIds = pavilions.map((p) => p.id);
    const exporters = await this.db
      .selectFrom('exporters')
      .select(['id', 'pavilion_id', 'trading_name_en', 'trading_name_zh'])
      .where('pavilion_id', 'in', pavilionIds)
      .where('status', 'in', ['approved', 'suspended'])
      .orderBy('trading_name_en')
      .orderBy('id')
      .execute();
    const exporterIds = exporters.map((e) => e.id);
    const inquiries = exporterIds.length
      ? await this.db.selectFrom('inquiries').select(['exporter_id', 'created_at', 'first_response_at']).where('exporter_id', 'in', exporterIds).execute()
      : [];
    const quotes = exporterIds.length ? await this.db.selectFrom('quotes').select(['exporter_id', 'status']).where('exporter_id', 'in', exporterIds).execute() : [];

    const timings = new Map<string, InquiryTiming[]>();
    for (const i of inquiries) timings.set(i.exporter_id, [...(timings.get(i.exporter_id) ?? []), { createdAt: i.created_at, firstResponseAt: i.first_response_at }]);
    const orders = exporterIds.length
      ? await this.db.selectFrom('b2b_orders').select('exporter_id').where('exporter_id', 'in', exporterIds).where('status', '!=', 'cancelled').execute()
      : [];
    const deals = new Map<string, DealCounts>();
    const countFor = (exporterId: string) => {
      const c = deals.get(exporterId) ?? { ...noDeals };
      deals.set(exporterId, c);
      return c;
    };
    for (const q of quotes) {
      const c = countFor(q.exporter_id);
      c.quotes += 1;
      if (q.status === 'accepted') c.accepted += 1;
    }
    for (const o of orders) countFor(o.exporter_id).orders += 1;
    const now = this.clock();
    return {
      exporters: exporters.map((e) => ({
        exporterId: e.id,
        pavilionId: e.pavilion_id,
        tradingNameEn: e.trading_name_en,
        tradingNameZh: e.trading_name_zh,
        ...responseFigures(timings.get(e.id) ?? [], now),
        ...dealFigures(deals.get(e.id) ?? noDeals, timings.get(e.id)?.length ?? 0),
      })),
      pavilions: pavilions.map((p) => {
        const members = exporters.filter((e) => e.pavilion_id === p.id);
        const memberTimings = members.flatMap((e) => timings.get(e.id) ?? []);
        return {
          pavilionId: p.id,
          nameEn: p.name_en,
          nameZh: p.name_zh,
          ...responseFigures(memberTimings, now),
          ...dealFigures(sumDeals(members.map((e) => deals.get(e.id) ?? noDeals)), memberTimings.length),
        };
      }),
    };
  }
}
