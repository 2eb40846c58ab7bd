import { mkdir, readFile, rm, writeFile, rename } from 'node:fs/promises';
import { AppError } from './errors.ts';
import path from 'node:path';
import { randomBytes } from 'node:crypto';

/**
 * Where uploaded bytes live. A strategy: the default keeps them in the data directory; a
 * deployment on several machines sets FILE_STORE=s3 (S3FileStore: Alibaba Cloud OSS, Tencent Cloud
 * COS, MinIO). Keys are paths of lower-case letters, digits and / _ . - chosen by Pavilion. Every
 * file, public or private, is read back through Pavilion's routes (which check access), so a
 * store never needs to be reachable by browsers.
 */
export interface FileStore {
  /** Atomic: a reader sees the old bytes or the new, never part of a file. Throws SERVICE_UNAVAILABLE when the store cannot take it. */
  put(key: string, bytes: Buffer): Promise<void>;
  /** The bytes, or null when there is no such file. */
  get(key: string): Promise<Buffer | null>;
  delete(key: string): Promise<void>;
  /** Writes and removes a small file: throws when the store cannot be written (full or read-only disk). */
  probe(): Promise<void>;
}

/** Errors of a disk that cannot take the file (full, over quota, read-only, not a directory): the service is unavailable, not broken. */
const UNWRITABLE = new Set(['ENOSPC', 'EDQUOT', 'EROFS', 'EACCES', 'EPERM', 'ENOTDIR', 'EEXIST', 'EISDIR']);
function unwritable(err: unknown): unknown {
  const code = (err as NodeJS.ErrnoException).code;
  return code && UNWRITABLE.has(code) ? new AppError('SERVICE_UNAVAILABLE', { message: `file store not writable: ${code}` }) : err;
}

/** Errors of a disk that cannot be read (no permission, the store's folder is a file, I/O error): unavailable too. */
const UNREADABLE = new Set(['EACCES', 'EPERM', 'ENOTDIR', 'EISDIR', 'EIO']);
function unreadable(err: unknown): unknown {
  const code = (err as NodeJS.ErrnoException).code;
  return code && UNREADABLE.has(code) ? new AppError('SERVICE_UNAVAILABLE', { message: `file store not readable: ${code}` }) : err;
}

const SAFE_KEY = /^[a-z0-9][a-z0-9/_.-]*$/;

/** Keys are made by Pavilion (media/…, documents/…), never taken from a request: anything else is a bug. */
export function assertSafeKey(key: string): void {
  if (!SAFE_KEY.test(key) || key.includes('..')) throw new Error(`unsafe storage key: ${key}`);
}

export class DirectoryFileStore implements FileStore {
  private readonly root: string;

  constructor(root: string) {
    this.root = path.resolve(root);
  }

  private file(key: string): string {
    assertSafeKey(key);
    return path.join(this.root, key);
  }

  async put(key: string, bytes: Buffer): Promise<void> {
    const file = this.file(key);
    await mkdir(path.dirname(file), { recursive: true }).catch((err: unknown) => {
      throw unwritable(err);
    });
    // Write then rename, so a crash never leaves half a file under the final name.
    const temp = `${file}.${randomBytes(4).toString('hex')}.tmp`;
    try {
      await writeFile(temp, bytes);
      await rename(temp, file);
    } catch (err) {
      // A full disk or a failed rename must not leave the partial file behind.
      await rm(temp, { force: true }).catch(() => {});
      throw unwritable(err);
    }
  }

  async probe(): Promise<void> {
    const key = `health/probe-${randomBytes(6).toString('hex')}`;
    await this.put(key, Buffer.from('ok'));
    await this.delete(key);
  }

  async get(key: string): Promise<Buffer | null> {
    const file = this.file(key);
    try {
      return await readFile(file);
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code === 'ENOENT') return null;
      throw unreadable(err);
    }
  }

  async delete(key: string): Promise<void> {
    const file = this.file(key);
    await rm(file, { force: true }).catch((err: unknown) => {
      throw unwritable(err);
    });
  }
}

/**
 * Writes the bytes under key, then records them (the row's insert). A failed insert removes the
 * file again, so a row never names a missing file; callers run every check before this.
 */
export async function putThenRecord<T>(files: FileStore, key: string, bytes: Buffer, record: () => Promise<T>): Promise<T> {
  await files.put(key, bytes);
  try {
    return await record();
  } catch (error) {
    await files.delete(key);
    throw error;
  }
}
