import { createHash } from 'node:crypto';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type {} from '@fastify/multipart';
import { validationMessages } from '@pavilion/contracts';
import { AppError } from './errors.ts';
import type { RateLimit, RateLimiter } from './rate-limiter.ts';

/** One file of at most 10 MB per request: the multipart limit of the whole server, and the CLI's for a file it imports. */
export const MAX_UPLOAD_BYTES = 10 * 1024 * 1024;

/**
 * Uploads per signed-in user (per address when anonymous): 120 in 10 minutes, one every five
 * seconds sustained, more than an exporter filling a catalog by hand sends. Each upload is read
 * whole and images are decoded, so a flood of them is refused (429, Retry-After) before reading.
 */
export const uploadRateLimit: RateLimit = { name: 'upload', max: 120, windowSeconds: 600 };

/** Every multipart request (every upload route) counts against the uploader's limit before its body is read. */
export function registerUploadRateLimit(app: FastifyInstance, rateLimiter: RateLimiter): void {
  app.addHook('preHandler', async (request) => {
    if (!request.isMultipart()) return;
    await rateLimiter.hit(uploadRateLimit, request.caller ? `user:${request.caller.userId}` : `ip:${request.ip}`);
  });
}

export interface Upload {
  fileName: string;
  bytes: Buffer;
  fields: Record<string, string>;
}

/** What a stored upload records of its bytes: their size and SHA-256. */
export const uploadFingerprint = (bytes: Buffer): { size_bytes: number; sha256: string } => ({
  size_bytes: bytes.length,
  sha256: createHash('sha256').update(bytes).digest('hex'),
});

/**
 * Reads one multipart file (the field `file`) and the text fields sent with it. Over the size limit
 * or without a file answers 400 naming the field; nothing is stored before the whole file is read.
 */
export async function readUpload(request: FastifyRequest): Promise<Upload> {
  if (!request.isMultipart()) {
    throw new AppError('UNSUPPORTED_MEDIA_TYPE', { message: 'send the file as multipart/form-data' });
  }
  try {
    return await readParts(request);
  } catch (err) {
    throw unreadableUpload(err);
  }
}

/**
 * What a body that cannot be read as one upload answers: a 400 naming the file field. Busboy throws
 * plain errors for a missing boundary or a body cut short, @fastify/multipart its FST_* limits; both
 * are the caller's doing, never a fault of ours.
 */
function unreadableUpload(err: unknown): AppError {
  if (err instanceof AppError) return err;
  const code = (err as { code?: string }).code;
  if (code === 'FST_REQ_FILE_TOO_LARGE') {
    return new AppError('VALIDATION_FAILED', { details: [{ field: 'file', rule: 'too_big', message: validationMessages.fileTooBig.en }] });
  }
  if (code === 'FST_PARTS_LIMIT' || code === 'FST_FILES_LIMIT' || code === 'FST_FIELDS_LIMIT') {
    return new AppError('VALIDATION_FAILED', { details: [{ field: 'file', rule: 'too_many_parts', message: validationMessages.multipartTooManyParts.en }] });
  }
  return new AppError('VALIDATION_FAILED', { details: [{ field: 'file', rule: 'invalid_multipart', message: validationMessages.multipartUnreadable.en }] });
}

async function readParts(request: FastifyRequest): Promise<Upload> {
  const fields: Record<string, string> = {};
  let upload: { fileName: string; bytes: Buffer } | null = null;
  for await (const part of request.parts()) {
    if (part.type === 'file') {
      if (part.fieldname !== 'file' || upload) {
        await part.toBuffer();
        throw new AppError('VALIDATION_FAILED', { details: [{ field: part.fieldname, rule: 'unexpected_file', message: 'send one file, in the field "file"' }] });
      }
      const bytes = await part.toBuffer();
      if (part.file.truncated) {
        throw new AppError('VALIDATION_FAILED', { details: [{ field: 'file', rule: 'too_big', message: validationMessages.fileTooBig.en }] });
      }
      upload = { fileName: part.filename, bytes };
    } else {
      fields[part.fieldname] = String(part.value);
    }
  }
  if (!upload) throw new AppError('VALIDATION_FAILED', { details: [{ field: 'file', rule: 'required', message: 'is required' }] });
  return { ...upload, fields };
}
