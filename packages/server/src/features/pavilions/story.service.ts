import type { z } from 'zod';
import type { operatorStoryListSchema, OperatorStory, StoryInput, storyDetailSchema } from '@pavilion/contracts';
import type { Db, Trx } from '../../db/database.ts';
import { AppError, notFound } from '../../platform/errors.ts';
import { newId } from '../../platform/ids.ts';
import { sanitizeRichText } from '../../platform/rich-text.ts';
import type { Caller } from '../../platform/sessions.ts';
import { isUniqueViolation } from '../../platform/unique-violation.ts';
import type { MediaService } from '../media/index.ts';
import { toOperatorStory, toStoryDetail } from './pavilion.mapper.ts';
import { pavilionMediaOwner, type PavilionService } from './pavilion.service.ts';
import { deleteStory, findStories, findStoryById, insertStory, isSlugTaken, updateStory, type StoryRecord } from './story.repository.ts';
import { publishIssues } from './story.rules.ts';

const slugTaken = () => new AppError('ALREADY_EXISTS', { details: [{ field: 'body.slug', rule: 'unique', message: 'another story of this pavilion uses this slug' }] });

/**
 * Culture stories of a pavilion: operators of the pavilion (and admins) write them as drafts and
 * publish them; buyers see published ones only. Bodies are sanitized before they are stored.
 */
export class StoryService {
  private readonly db: Db;
  private readonly media: MediaService;
  private readonly pavilions: PavilionService;

  constructor(options: { db: Db; media: MediaService; pavilions: PavilionService }) {
    this.db = options.db;
    this.media = options.media;
    this.pavilions = options.pavilions;
  }

  async list(caller: Caller | null, pavilionId: string): Promise<z.infer<typeof operatorStoryListSchema>> {
    await this.pavilions.requireOperable(caller, pavilionId);
    const stories = await findStories(this.db, { pavilionId });
    return { items: stories.map((s) => withoutBodies(toOperatorStory(s))) };
  }

  async get(caller: Caller | null, pavilionId: string, storyId: string): Promise<OperatorStory> {
    await this.pavilions.requireOperable(caller, pavilionId);
    return toOperatorStory(await this.requireStory(pavilionId, storyId));
  }

  async create(caller: Caller | null, pavilionId: string, input: StoryInput): Promise<OperatorStory> {
    await this.pavilions.requireOperable(caller, pavilionId);
    const id = newId();
    const now = new Date().toISOString();
    await this.write(async () => {
      await this.db.transaction().execute(async (trx) => {
        if (await isSlugTaken(trx, pavilionId, input.slug)) throw slugTaken();
        await this.checkCover(trx, pavilionId, input.coverMediaId);
        await insertStory(trx, { id, pavilion_id: pavilionId, ...columns(input), status: 'draft', created_at: now, updated_at: now });
      });
    });
    return toOperatorStory(await this.requireStory(pavilionId, id));
  }

  /** Replaces the story's fields; a published story stays published with the new text. */
  async update(caller: Caller | null, pavilionId: string, storyId: string, input: StoryInput): Promise<OperatorStory> {
    await this.pavilions.requireOperable(caller, pavilionId);
    await this.requireStory(pavilionId, storyId);
    await this.write(async () => {
      await this.db.transaction().execute(async (trx) => {
        if (await isSlugTaken(trx, pavilionId, input.slug, storyId)) throw slugTaken();
        await this.checkCover(trx, pavilionId, input.coverMediaId);
        await updateStory(trx, storyId, { ...columns(input), updated_at: new Date().toISOString() });
      });
    });
    return toOperatorStory(await this.requireStory(pavilionId, storyId));
  }

  async remove(caller: Caller | null, pavilionId: string, storyId: string): Promise<void> {
    await this.pavilions.requireOperable(caller, pavilionId);
    await this.requireStory(pavilionId, storyId);
    await this.db.transaction().execute((trx) => deleteStory(trx, storyId));
  }

  /** Makes the story visible to buyers; publishing a published story changes nothing (its date stays). */
  async publish(caller: Caller | null, pavilionId: string, storyId: string): Promise<OperatorStory> {
    await this.pavilions.requireOperable(caller, pavilionId);
    const story = await this.requireStory(pavilionId, storyId);
    if (story.status !== 'published') {
      const issues = publishIssues({ bodyEn: story.body_en, bodyZh: story.body_zh });
      if (issues.length > 0) throw new AppError('VALIDATION_FAILED', { details: issues });
      const now = new Date().toISOString();
      await this.db.transaction().execute((trx) => updateStory(trx, storyId, { status: 'published', published_at: now, updated_at: now }));
    }
    return toOperatorStory(await this.requireStory(pavilionId, storyId));
  }

  /** Back to draft: buyers no longer see it; publishing again gives it a new date. */
  async unpublish(caller: Caller | null, pavilionId: string, storyId: string): Promise<OperatorStory> {
    await this.pavilions.requireOperable(caller, pavilionId);
    const story = await this.requireStory(pavilionId, storyId);
    if (story.status !== 'draft') {
      await this.db.transaction().execute((trx) => updateStory(trx, storyId, { status: 'draft', published_at: null, updated_at: new Date().toISOString() }));
    }
    return toOperatorStory(await this.requireStory(pavilionId, storyId));
  }

  /** A published story for the storefront; a draft answers 404 as if it did not exist. */
  async getPublished(pavilionSlug: string, storySlug: string): Promise<z.infer<typeof storyDetailSchema>> {
    const pavilion = await this.pavilions.findPublic(pavilionSlug);
    const [story] = await findStories(this.db, { pavilionId: pavilion.id, slug: storySlug, status: 'published' });
    if (!story) throw notFound();
    return toStoryDetail(story, pavilion);
  }

  private async requireStory(pavilionId: string, storyId: string): Promise<StoryRecord> {
    const story = await findStoryById(this.db, pavilionId, storyId);
    if (!story) throw notFound();
    return story;
  }

  private async checkCover(trx: Trx, pavilionId: string, coverMediaId: string | null): Promise<void> {
    if (coverMediaId) await this.media.assertOwned(trx, pavilionMediaOwner(pavilionId), [coverMediaId], 'body.coverMediaId');
  }

  /** Two writers racing for one slug: the database's unique constraint decides, answered as 409. */
  private async write(run: () => Promise<void>): Promise<void> {
    try {
      await run();
    } catch (error) {
      if (isUniqueViolation(error)) throw slugTaken();
      throw error;
    }
  }
}

function withoutBodies(story: OperatorStory): Omit<OperatorStory, 'bodyEn' | 'bodyZh'> {
  const { bodyEn: _en, bodyZh: _zh, ...rest } = story;
  return rest;
}

/** The stored columns of a story's input: bodies sanitized (script, handlers, foreign iframes removed). */
function columns(input: StoryInput) {
  return {
    slug: input.slug,
    title_en: input.titleEn,
    title_zh: input.titleZh,
    summary_en: input.summaryEn,
    summary_zh: input.summaryZh,
    body_en: sanitizeRichText(input.bodyEn),
    body_zh: sanitizeRichText(input.bodyZh),
    cover_media_id: input.coverMediaId,
    position: input.position,
  };
}
