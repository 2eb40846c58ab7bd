import type { z } from 'zod';
import type { tradeFiguresSchema } from '@pavilion/contracts';
import type { Db } from '../../db/database.ts';
import { operatorScope, requireRole } from '../../platform/access.ts';
import type { Clock } from '../../platform/clock.ts';
import type { Caller } from '../../platform/sessions.ts';
import { responseFigures, type InquiryTiming } from './inquiry.rules.ts';

/**
 * Matchmaking figures for operators, per exporter and per pavilion of theirs (every pavilion for
 * admins): inquiries received, the response rate within 48 hours, the median first-response time,
 * quotes sent and quotes accepted. Slow answers lose buyers; these show who answers.
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
    const quoteCounts = new Map<string, { quotes: number; accepted: number }>();
    for (const q of quotes) {
      const c = quoteCounts.get(q.exporter_id) ?? { quotes: 0, accepted: 0 };
      c.quotes += 1;
      if (q.status === 'accepted') c.accepted += 1;
      quoteCounts.set(q.exporter_id, c);
    }
    const now = this.clock();
    return {
      exporters: exporters.map((e) => ({
        exporterId: e.id,
        pavilionId: e.pavilion_id,
        tradingNameEn: e.trading_name_en,
        tradingNameZh: e.trading_name_zh,
        ...responseFigures(timings.get(e.id) ?? [], now),
        ...(quoteCounts.get(e.id) ?? { quotes: 0, accepted: 0 }),
      })),
      pavilions: pavilions.map((p) => {
        const members = exporters.filter((e) => e.pavilion_id === p.id);
        const counts = members.map((e) => quoteCounts.get(e.id) ?? { quotes: 0, accepted: 0 });
        return {
          pavilionId: p.id,
          nameEn: p.name_en,
          nameZh: p.name_zh,
          ...responseFigures(members.flatMap((e) => timings.get(e.id) ?? []), now),
          quotes: counts.reduce((a, c) => a + c.quotes, 0),
          accepted: counts.reduce((a, c) => a + c.accepted, 0),
        };
      }),
    };
  }
}
