import type { z } from 'zod';
import type { operatorPavilionContentSchema, PavilionContentInput, PavilionDetail, PavilionFeaturesInput, PavilionSummary } from '@pavilion/contracts';
import type { Db } from '../../db/database.ts';
import { operatorScope, requireRole } from '../../platform/access.ts';
import { AppError, notFound } from '../../platform/errors.ts';
import { sanitizeRichText } from '../../platform/rich-text.ts';
import type { Caller } from '../../platform/sessions.ts';
import type { MediaService, StoredMedia } from '../media/index.ts';
import {
  findApprovedExporterIds,
  findExporters,
  findFeatures,
  findListedProductIds,
  findPavilions,
  replaceFeatures,
  updatePavilionContent,
  type PavilionRecord,
} from './pavilion.repository.ts';
import { toExporterSummary, toPavilionContent, toPavilionDetail, toPavilionSummary } from './pavilion.mapper.ts';
import { canOperate, featureIssues } from './pavilion.rules.ts';
import { findStories } from './story.repository.ts';

type PavilionContent = z.infer<typeof operatorPavilionContentSchema>;

/** Who owns a pavilion's uploaded pictures (hero, story covers). */
export const pavilionMediaOwner = (pavilionId: string): string => `pavilion:${pavilionId}`;

export class PavilionService {
  private readonly db: Db;
  private readonly media: MediaService;

  constructor(options: { db: Db; media: MediaService }) {
    this.db = options.db;
    this.media = options.media;
  }

  async listPublic(): Promise<PavilionSummary[]> {
    return (await findPavilions(this.db)).map(toPavilionSummary);
  }

  /**
   * The storefront's pavilion page: approved exporters only, the featured items a buyer may see
   * today (still approved, still published) and the published stories.
   */
  async getPublic(slug: string): Promise<PavilionDetail> {
    const pavilion = await this.findPublic(slug);
    const [exporters, features, stories] = await Promise.all([
      findExporters(this.db, { pavilionIds: [pavilion.id], statuses: ['approved'] }),
      findFeatures(this.db, pavilion.id, { visibleOnly: true }),
      findStories(this.db, { pavilionId: pavilion.id, status: 'published' }),
    ]);
    return toPavilionDetail(pavilion, exporters, features, stories);
  }

  /** A pavilion by slug, for storefront pages (its stories too); 404 when there is none. */
  async findPublic(slug: string): Promise<PavilionRecord> {
    const [pavilion] = await findPavilions(this.db, { slug });
    if (!pavilion) throw notFound();
    return pavilion;
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

  /**
   * The pavilion when the caller may edit it: 401 without a caller, 403 for a role that edits no
   * pavilion, 404 for a pavilion it does not run (or that does not exist).
   */
  async requireOperable(caller: Caller | null, pavilionId: string): Promise<PavilionRecord> {
    const scope = operatorScope(requireRole(caller, 'operator', 'admin'));
    if (!canOperate(scope, pavilionId)) throw notFound();
    const [pavilion] = await findPavilions(this.db, { ids: [pavilionId] });
    if (!pavilion) throw notFound();
    return pavilion;
  }

  /** The editable content, with the featured items as stored. */
  async getForOperator(caller: Caller | null, pavilionId: string): Promise<PavilionContent> {
    const pavilion = await this.requireOperable(caller, pavilionId);
    return toPavilionContent(pavilion, await findFeatures(this.db, pavilionId, { visibleOnly: false }));
  }

  /** Names, taglines, introductions (sanitized rich text) and the hero image (one of the pavilion's uploads). */
  async updateContent(caller: Caller | null, pavilionId: string, input: PavilionContentInput): Promise<PavilionContent> {
    await this.requireOperable(caller, pavilionId);
    await this.db.transaction().execute(async (trx) => {
      if (input.heroMediaId) await this.media.assertOwned(trx, pavilionMediaOwner(pavilionId), [input.heroMediaId], 'body.heroMediaId');
      await updatePavilionContent(trx, pavilionId, {
        name_en: input.nameEn,
        name_zh: input.nameZh,
        tagline_en: input.taglineEn,
        tagline_zh: input.taglineZh,
        intro_en: sanitizeRichText(input.introEn),
        intro_zh: sanitizeRichText(input.introZh),
        hero_media_id: input.heroMediaId,
        updated_at: new Date().toISOString(),
      });
    });
    return this.getForOperator(caller, pavilionId);
  }

  /** Stores an image for the pavilion (hero, story covers, pictures in stories); checked before the file is read. */
  async uploadImage(caller: Caller | null, pavilionId: string, readFile: () => Promise<Buffer>): Promise<StoredMedia> {
    await this.requireOperable(caller, pavilionId);
    return this.media.storeImage(pavilionMediaOwner(pavilionId), await readFile(), 'file');
  }

  /** Replaces the featured exporters and products (each list in display order). */
  async setFeatures(caller: Caller | null, pavilionId: string, input: PavilionFeaturesInput): Promise<PavilionContent> {
    await this.requireOperable(caller, pavilionId);
    await this.db.transaction().execute(async (trx) => {
      const [approvedExporterIds, listedProductIds] = await Promise.all([
        findApprovedExporterIds(trx, pavilionId, input.exporterIds),
        findListedProductIds(trx, pavilionId, input.productIds),
      ]);
      const issues = featureIssues({ ...input, approvedExporterIds, listedProductIds });
      if (issues.length > 0) throw new AppError('VALIDATION_FAILED', { details: issues });
      await replaceFeatures(trx, pavilionId, input);
    });
    return this.getForOperator(caller, pavilionId);
  }
}
