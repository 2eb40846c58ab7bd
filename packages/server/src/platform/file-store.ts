import { mkdir, readFile, rm, writeFile, rename } from 'node:fs/promises';
import { AppError } from './errors.ts';
import path from 'node:path';
import { randomBytes } from 'node:crypto';

/**
 * Where uploaded bytes live. A strategy: the default keeps them in the data directory; a
 * deployment on several machines plugs in shared storage (S3-compatible, NFS) here.
 */
export interface FileStore {
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

const SAFE_KEY = /^[a-z0-9][a-z0-9/_.-]*$/;

export class DirectoryFileStore implements FileStore {
  private readonly root: string;

  constructor(root: string) {
    this.root = path.resolve(root);
  }

  private file(key: string): string {
    if (!SAFE_KEY.test(key) || key.includes('..')) throw new Error(`unsafe storage key: ${key}`);
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
    try {
      return await readFile(this.file(key));
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code === 'ENOENT') return null;
      throw err;
    }
  }

  async delete(key: string): Promise<void> {
    await rm(this.file(key), { force: true });
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
