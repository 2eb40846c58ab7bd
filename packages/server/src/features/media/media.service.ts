import { createHash } from 'node:crypto';
import { fileTypeFromBuffer } from 'file-type';
import { validationMessages } from '@pavilion/contracts';
import sharp, { type Metadata } from 'sharp';
import type { Db, Trx } from '../../db/database.ts';
import { AppError } from '../../platform/errors.ts';
import type { FileStore } from '../../platform/file-store.ts';
import { newId } from '../../platform/ids.ts';
import { findMediaByIds, findMediaOwner, type MediaRecord } from './media.repository.ts';
import { imageSizes, imageTypes, MAX_IMAGE_PIXELS, MAX_UPLOAD_BYTES, mediaKey, mediaUrl, type ImageSize } from './media.rules.ts';

export interface StoredMedia {
  id: string;
  width: number;
  height: number;
  urls: Record<ImageSize, string>;
}

export const toStoredMedia = (row: MediaRecord): StoredMedia => ({
  id: row.id,
  width: row.width,
  height: row.height,
  urls: { thumb: mediaUrl(row.id, 'thumb'), display: mediaUrl(row.id, 'display') },
});

/** The images with these ids, in the order given (ids of missing images are skipped). */
export async function findImages(db: Db | Trx, ids: readonly string[]): Promise<StoredMedia[]> {
  const rows = await findMediaByIds(db, ids);
  return ids.flatMap((id) => {
    const row = rows.find((r) => r.id === id);
    return row ? [toStoredMedia(row)] : [];
  });
}

/**
 * Detects a file's type from its first bytes (never its name or the declared type) and refuses
 * anything outside `allowed` with a 400 naming the field.
 */
export async function detectType<T extends string>(bytes: Buffer, allowed: readonly T[], field: string): Promise<T> {
  if (bytes.length > MAX_UPLOAD_BYTES) {
    throw new AppError('VALIDATION_FAILED', { details: [{ field, rule: 'too_big', message: validationMessages.fileTooBig.en }] });
  }
  const detected = await fileTypeFromBuffer(bytes);
  const mime = detected?.mime as string | undefined;
  const match = allowed.find((t) => t === mime);
  if (!match) {
    throw new AppError('VALIDATION_FAILED', {
      details: [{ field, rule: 'invalid_file_type', message: `must be one of ${allowed.join(', ')} (this file is ${mime ?? 'not a recognised type'})` }],
    });
  }
  return match;
}

export class MediaService {
  private readonly db: Db;
  private readonly files: FileStore;

  constructor(options: { db: Db; files: FileStore }) {
    this.db = options.db;
    this.files = options.files;
  }

  /**
   * Stores an image for an owner ('exporter:<id>' or 'pavilion:<id>'): checked by content, turned
   * upright, stripped of EXIF and other metadata, resized into WebP sizes. The same bytes from the
   * same owner are stored once.
   */
  async storeImage(owner: string, bytes: Buffer, field = 'file'): Promise<StoredMedia> {
    const sourceType = await detectType(bytes, imageTypes, field);
    const sha256 = createHash('sha256').update(bytes).digest('hex');
    const existing = await this.db.selectFrom('media').select(['id', 'width', 'height']).where('owner', '=', owner).where('sha256', '=', sha256).executeTakeFirst();
    if (existing) return toStoredMedia(existing);

    let meta: Metadata;
    try {
      // Reads the header only (no pixel is decoded), so any declared size is read and checked below.
      meta = await sharp(bytes, { limitInputPixels: false }).metadata();
    } catch {
      throw new AppError('VALIDATION_FAILED', { details: [{ field, rule: 'invalid_image', message: validationMessages.imageUnreadable.en }] });
    }
    // The header's size, checked before a single pixel is decoded.
    if ((meta.width ?? 0) * (meta.height ?? 0) > MAX_IMAGE_PIXELS) {
      throw new AppError('VALIDATION_FAILED', { details: [{ field, rule: 'too_many_pixels', message: validationMessages.imageTooManyPixels.en }] });
    }
    // The header can be whole while the pixels after it are cut short or damaged: only decoding every
    // size proves the image readable, so all are made (a 400 if one fails) before anything is stored.
    const sized: Array<[ImageSize, Buffer]> = [];
    try {
      for (const [size, longest] of Object.entries(imageSizes) as Array<[ImageSize, number]>) {
        // sharp drops EXIF, ICC and XMP unless asked to keep them; rotate() applies the orientation first.
        sized.push([size, await sharp(bytes, { limitInputPixels: MAX_IMAGE_PIXELS }).rotate().resize({ width: longest, height: longest, fit: 'inside', withoutEnlargement: true }).webp({ quality: 82 }).toBuffer()]);
      }
    } catch {
      throw new AppError('VALIDATION_FAILED', { details: [{ field, rule: 'invalid_image', message: validationMessages.imageUnreadable.en }] });
    }
    const upright = (meta.orientation ?? 1) >= 5;
    const width = (upright ? meta.height : meta.width) ?? 0;
    const height = (upright ? meta.width : meta.height) ?? 0;

    const id = newId();
    const written: string[] = [];
    // Whatever fails after the first size is written (a full disk, the database) takes the sizes written with it.
    const removeWritten = async () => {
      for (const key of written) await this.files.delete(key).catch(() => {});
    };
    let inserted;
    try {
      for (const [size, out] of sized) {
        written.push(mediaKey(id, size));
        await this.files.put(mediaKey(id, size), out);
      }
      inserted = await this.db
        .insertInto('media')
        .values({ id, owner, sha256, source_type: sourceType, width, height, size_bytes: bytes.length, created_at: new Date().toISOString() })
        .onConflict((oc) => oc.columns(['owner', 'sha256']).doNothing())
        .executeTakeFirst();
    } catch (err) {
      await removeWritten();
      throw err;
    }
    if (inserted.numInsertedOrUpdatedRows === 0n) {
      // Another upload of the same bytes won the race: use its row, drop our files.
      for (const size of Object.keys(imageSizes) as ImageSize[]) await this.files.delete(mediaKey(id, size));
      const winner = await this.db.selectFrom('media').select(['id', 'width', 'height']).where('owner', '=', owner).where('sha256', '=', sha256).executeTakeFirstOrThrow();
      return toStoredMedia(winner);
    }
    return toStoredMedia({ id, width, height });
  }

  /** Who uploaded the image (`exporter:<id>`, `pavilion:<id>`, `buyer:<user id>`), or null when there is none. */
  async ownerOf(mediaId: string): Promise<string | null> {
    return findMediaOwner(this.db, mediaId);
  }

  /** The WebP bytes of one size, or null. The route decides who may read them (see isPrivateOwner). */
  async readImage(mediaId: string, size: ImageSize): Promise<Buffer | null> {
    return this.files.get(mediaKey(mediaId, size));
  }

  /**
   * Checks that every id names media of this owner (an exporter may not use another's pictures).
   * Takes the caller's transaction: on SQLite a query outside it would wait for it forever.
   */
  async assertOwned(db: Db | Trx, owner: string, mediaIds: string[], field: string): Promise<void> {
    if (mediaIds.length === 0) return;
    const rows = await db.selectFrom('media').select('id').where('owner', '=', owner).where('id', 'in', mediaIds).execute();
    const found = new Set(rows.map((r) => r.id));
    const missing = mediaIds.filter((id) => !found.has(id));
    if (missing.length > 0) {
      throw new AppError('VALIDATION_FAILED', { details: missing.map((id) => ({ field, rule: 'unknown_media', message: `no image ${id} was uploaded by this account` })) });
    }
  }
}
