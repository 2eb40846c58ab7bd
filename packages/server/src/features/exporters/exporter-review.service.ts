import type { z } from 'zod';
import { countryCodeSchema, type exporterQueueQuerySchema, type exporterQueueSchema, type operatorExporterSchema } from '@pavilion/contracts';
import type { Db } from '../../db/database.ts';
import { operatorScope, requireRole } from '../../platform/access.ts';
import type { Clock } from '../../platform/clock.ts';
import { AppError, notFound } from '../../platform/errors.ts';
import type { Caller } from '../../platform/sessions.ts';
import { loadApplication, type LoadedApplication } from './exporter-application.service.ts';
import type { ExporterDocumentService } from './exporter-documents.service.ts';
import { actionsWithReason, nextExporterStatus, type ExporterAction } from './exporter-review.rules.ts';
import { findMembers, findQueue } from './exporter.repository.ts';

type OperatorExporter = z.infer<typeof operatorExporterSchema>;

/** The operators' side of onboarding: the review queue, the decision, suspension and reinstatement. */
export class ExporterReviewService {
  private readonly db: Db;
  private readonly clock: Clock;
  private readonly documents: ExporterDocumentService;

  constructor(options: { db: Db; clock: Clock; documents: ExporterDocumentService }) {
    this.db = options.db;
    this.clock = options.clock;
    this.documents = options.documents;
  }

  /** Exporters of the caller's pavilions (every pavilion for admins) in one status, oldest submission first. */
  async queue(caller: Caller | null, query: z.infer<typeof exporterQueueQuerySchema>): Promise<z.infer<typeof exporterQueueSchema>> {
    const scope = operatorScope(requireRole(caller, 'operator', 'admin'));
    const { rows, total } = await findQueue(this.db, { pavilionIds: scope, ...query });
    return {
      total,
      items: rows.map((r) => ({
        id: r.id,
        pavilionId: r.pavilion_id,
        legalName: r.legal_name,
        tradingNameEn: r.trading_name_en,
        tradingNameZh: r.trading_name_zh,
        country: countryCodeSchema.parse(r.country_code),
        city: r.city,
        status: r.status,
        pavilion: { id: r.pavilion_id, slug: r.pavilion_slug, nameEn: r.pavilion_name_en, nameZh: r.pavilion_name_zh },
        submittedAt: r.submitted_at,
        reviewedAt: r.reviewed_at,
        reviewReason: r.review_reason,
      })),
    };
  }

  async get(caller: Caller | null, exporterId: string): Promise<OperatorExporter> {
    return this.present(await this.loadScoped(caller, exporterId));
  }

  async review(caller: Caller | null, exporterId: string, body: { decision: 'approve' | 'reject'; reason?: string | undefined }): Promise<OperatorExporter> {
    return this.transition(caller, exporterId, body.decision, body.reason ?? null);
  }

  async suspend(caller: Caller | null, exporterId: string, reason: string): Promise<OperatorExporter> {
    return this.transition(caller, exporterId, 'suspend', reason);
  }

  async reinstate(caller: Caller | null, exporterId: string): Promise<OperatorExporter> {
    return this.transition(caller, exporterId, 'reinstate', null);
  }

  /**
   * Moves the exporter along the transition table. The update is conditional on the status read,
   * so when two operators decide at once exactly one wins and the other gets INVALID_TRANSITION.
   */
  private async transition(caller: Caller | null, exporterId: string, action: ExporterAction, reason: string | null): Promise<OperatorExporter> {
    const { row } = await this.loadScoped(caller, exporterId);
    const to = nextExporterStatus(row.status, action);
    if (!to) throw new AppError('INVALID_TRANSITION', { details: { status: row.status, action } });
    const now = this.clock().toISOString();
    const result = await this.db
      .updateTable('exporters')
      .set({ status: to, review_reason: actionsWithReason.has(action) ? reason : null, reviewed_at: now, updated_at: now })
      .where('id', '=', exporterId)
      .where('status', '=', row.status)
      .executeTakeFirst();
    if (result.numUpdatedRows === 0n) throw new AppError('INVALID_TRANSITION', { details: { status: row.status, action } });
    return this.get(caller, exporterId);
  }

  /** The exporter when it belongs to one of the caller's pavilions; 404 otherwise (the caller never learns it exists). */
  private async loadScoped(caller: Caller | null, exporterId: string): Promise<LoadedApplication> {
    const scope = operatorScope(requireRole(caller, 'operator', 'admin'));
    const loaded = await loadApplication(this.db, exporterId);
    if (!loaded || (scope !== 'all' && !scope.includes(loaded.row.pavilion_id))) throw notFound();
    return loaded;
  }

  private async present(loaded: LoadedApplication): Promise<OperatorExporter> {
    const [documents, members] = await Promise.all([this.documents.listFor(loaded.row.id), findMembers(this.db, loaded.row.id)]);
    return {
      ...loaded.application,
      documents,
      members: members.map((m) => ({ id: m.id, displayName: m.display_name, email: m.email })),
    };
  }
}
