import type { Config } from './config.ts';
import { ConfigError } from './config.ts';
import { DirectoryFileStore, type FileStore } from './file-store.ts';
import { FileStoreUnavailable, S3FileStore, type S3Failure } from './s3-file-store.ts';

/** The file store the configuration names (FILE_STORE): the server, the CLI and the demo seed all use this one. */
export function fileStoreFromConfig(files: Config['files'], options: { onFailure?: (failure: S3Failure) => void } = {}): FileStore {
  if (files.store === 'directory') return new DirectoryFileStore(files.dir);
  return new S3FileStore(files.s3, options.onFailure ? { onFailure: options.onFailure } : {});
}

/**
 * Start-up check of FILE_STORE=s3: one object written, read and removed. A store that refuses
 * stops the start with one line naming the setting to fix, rather than the first upload failing.
 */
export async function checkFileStore(store: FileStore, files: Config['files']): Promise<void> {
  if (files.store !== 's3') return;
  try {
    await store.probe();
  } catch (err) {
    if (!(err instanceof FileStoreUnavailable)) throw err;
    throw new ConfigError(explainS3Failure(err.failure, files.s3.bucket, files.s3.endpoint));
  }
}

export function explainS3Failure(failure: S3Failure, bucket: string, endpoint: string): string {
  const said = `${failure.status ?? 'unreachable'} ${failure.code}`;
  switch (failure.code) {
    case 'NoSuchBucket':
      return `S3_BUCKET: the store at ${endpoint} has no bucket "${bucket}" (${said}): create it or fix S3_BUCKET`;
    case 'InvalidAccessKeyId':
      return `S3_ACCESS_KEY_ID: the store at ${endpoint} does not know this access key (${said})`;
    case 'SignatureDoesNotMatch':
      return `S3_SECRET_ACCESS_KEY: the store at ${endpoint} refused the signature (${said}): check the secret key, and S3_REGION`;
    case 'AuthorizationHeaderMalformed':
      return `S3_REGION: the store at ${endpoint} refused the request's region (${said}): ${failure.message}`;
    case 'AccessDenied':
      return `S3_ACCESS_KEY_ID: this key may not write, read and delete objects in bucket "${bucket}" (${said})`;
    default:
      return failure.status === null
        ? `S3_ENDPOINT: ${endpoint} cannot be reached (${failure.code}: ${failure.message})`
        : `S3_ENDPOINT: the store at ${endpoint} answered ${said} for bucket "${bucket}": ${failure.message}`;
  }
}
