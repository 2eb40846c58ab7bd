import type { z } from 'zod';
import type { exporterProfileSchema } from '@pavilion/contracts';
import type { Db } from '../../db/database.ts';
import { exporterScope, requireRole } from '../../platform/access.ts';
import { notFound } from '../../platform/errors.ts';
import type { Caller } from '../../platform/sessions.ts';
import { findExporterById, findPavilions } from '../pavilions/index.ts';
import { toExporterSummary, toPavilionSummary } from '../pavilions/index.ts';
import { findMembers, isExporterSuspended } from './exporter.repository.ts';

export class ExporterService {
  private readonly db: Db;

  constructor(options: { db: Db }) {
    this.db = options.db;
  }

  /** The exporter the signed-in member belongs to, its pavilion and its team. */
  async getOwnProfile(caller: Caller | null): Promise<z.infer<typeof exporterProfileSchema>> {
    const exporterId = exporterScope(requireRole(caller, 'exporter_member'));
    const exporter = await findExporterById(this.db, exporterId);
    if (!exporter) throw notFound();
    const [[pavilion], members, review] = await Promise.all([
      findPavilions(this.db, { ids: [exporter.pavilion_id] }),
      findMembers(this.db, exporterId),
      this.db.selectFrom('exporters').select('review_reason').where('id', '=', exporterId).executeTakeFirstOrThrow(),
    ]);
    if (!pavilion) throw notFound();
    return {
      exporter: toExporterSummary(exporter),
      pavilion: toPavilionSummary(pavilion),
      members: members.map((m) => ({ id: m.id, displayName: m.display_name, email: m.email })),
      reviewReason: review.review_reason,
    };
  }

  /** Whether the exporter is suspended: its members then read but may not write (the guard in platform/access.ts). */
  isSuspended(exporterId: string): Promise<boolean> {
    return isExporterSuspended(this.db, exporterId);
  }
}
