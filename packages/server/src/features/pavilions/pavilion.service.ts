import type { PavilionDetail, PavilionSummary } from '@pavilion/contracts';
import type { Db } from '../../db/database.ts';
import { operatorScope, requireRole } from '../../platform/access.ts';
import { notFound } from '../../platform/errors.ts';
import type { Caller } from '../../platform/sessions.ts';
import { findExporters, findPavilions } from './pavilion.repository.ts';
import { toExporterSummary, toPavilionDetail, toPavilionSummary } from './pavilion.mapper.ts';

export class PavilionService {
  private readonly db: Db;

  constructor(options: { db: Db }) {
    this.db = options.db;
  }

  async listPublic(): Promise<PavilionSummary[]> {
    return (await findPavilions(this.db)).map(toPavilionSummary);
  }

  /** The storefront's pavilion page: only approved exporters are shown to buyers. */
  async getPublic(slug: string): Promise<PavilionDetail> {
    const [pavilion] = await findPavilions(this.db, { slug });
    if (!pavilion) throw notFound();
    const exporters = await findExporters(this.db, { pavilionIds: [pavilion.id], statuses: ['approved'] });
    return toPavilionDetail(pavilion, exporters);
  }

  /** The pavilions an operator runs (all of them for an admin), each with every exporter whatever its status. */
  async listForOperator(caller: Caller | null) {
    const scope = operatorScope(requireRole(caller, 'operator', 'admin'));
    const pavilions = await findPavilions(this.db, scope === 'all' ? {} : { ids: scope });
    const exporters = await findExporters(this.db, { pavilionIds: pavilions.map((p) => p.id) });
    return pavilions.map((p) => ({
      ...toPavilionSummary(p),
      exporters: exporters.filter((e) => e.pavilion_id === p.id).map(toExporterSummary),
    }));
  }
}
