import { createHash, randomBytes } from 'node:crypto';
import { AwsClient } from 'aws4fetch';
import { AppError } from './errors.ts';
import { assertSafeKey, type FileStore } from './file-store.ts';

/** Where the objects live and who signs: what FILE_STORE=s3 reads from the S3_* variables. */
export interface S3Settings {
  /** The service's address, such as https://oss-cn-hangzhou.aliyuncs.com, https://cos.ap-guangzhou.myqcloud.com or http://127.0.0.1:9000 (MinIO). */
  endpoint: string;
  region: string;
  bucket: string;
  accessKeyId: string;
  secretAccessKey: string;
  /**
   * Addresses objects as endpoint/bucket/key (MinIO, most self-hosted servers) instead of
   * bucket.endpoint/key (Alibaba Cloud OSS and Tencent Cloud COS accept only the latter).
   */
  forcePathStyle: boolean;
}

/** What the store's answer or the failure to reach it was: logged, and read by the start-up check. */
export interface S3Failure {
  operation: 'put' | 'get' | 'delete';
  /** The HTTP status, or null when the store could not be reached. */
  status: number | null;
  /** The S3 error code (NoSuchBucket, SignatureDoesNotMatch, AccessDenied…) or the network error's code. */
  code: string;
  message: string;
}

/** An AppError SERVICE_UNAVAILABLE that still says what the store answered. */
export class FileStoreUnavailable extends AppError {
  readonly failure: S3Failure;
  constructor(failure: S3Failure) {
    super('SERVICE_UNAVAILABLE', { message: `file store ${failure.operation} failed: ${failure.status ?? 'unreachable'} ${failure.code}: ${failure.message}` });
    this.failure = failure;
  }
}

/**
 * Objects in a bucket of an S3-compatible service (Alibaba Cloud OSS, Tencent Cloud COS, MinIO,
 * AWS), so every server machine reads what any of them received. Requests are signed with AWS
 * Signature V4, body included (x-amz-content-sha256): a body cut short on the way is refused by the
 * store instead of stored. A PUT is atomic on every S3 service: the object appears whole or not at
 * all, and an overwrite is seen old or new, never mixed. Anything but a clear answer (unreachable,
 * timed out, 5xx, refused credentials, missing bucket) is SERVICE_UNAVAILABLE: the deployment is at
 * fault, not the request, and health reports it.
 */
export class S3FileStore implements FileStore {
  private readonly settings: S3Settings;
  private readonly client: AwsClient;
  private readonly timeoutMs: number;
  private readonly onFailure: (failure: S3Failure) => void;

  constructor(settings: S3Settings, options: { timeoutMs?: number; onFailure?: (failure: S3Failure) => void } = {}) {
    this.settings = { ...settings, endpoint: settings.endpoint.replace(/\/+$/, '') };
    // Two quick retries of a 5xx or 429 (S3's SlowDown), then the caller hears it is unavailable.
    this.client = new AwsClient({ accessKeyId: settings.accessKeyId, secretAccessKey: settings.secretAccessKey, service: 's3', region: settings.region, retries: 2, initRetryMs: 100 });
    this.timeoutMs = options.timeoutMs ?? 15_000;
    this.onFailure = options.onFailure ?? (() => {});
  }

  /** The object's address: path style (endpoint/bucket/key) or virtual-hosted (bucket.host/key). */
  objectUrl(key: string): string {
    assertSafeKey(key);
    const { endpoint, bucket, forcePathStyle } = this.settings;
    if (forcePathStyle) return `${endpoint}/${bucket}/${key}`;
    const url = new URL(endpoint);
    url.hostname = `${bucket}.${url.hostname}`;
    return `${url.origin}${url.pathname.replace(/\/+$/, '')}/${key}`;
  }

  async put(key: string, bytes: Buffer): Promise<void> {
    const res = await this.send('put', key, {
      method: 'PUT',
      body: new Uint8Array(bytes),
      headers: {
        'content-type': 'application/octet-stream',
        'x-amz-content-sha256': createHash('sha256').update(bytes).digest('hex'),
      },
    });
    if (!res.ok) throw await this.failed('put', res);
    await res.body?.cancel();
  }

  async get(key: string): Promise<Buffer | null> {
    const res = await this.send('get', key, { method: 'GET' });
    if (res.ok) {
      try {
        return Buffer.from(await res.arrayBuffer());
      } catch (err) {
        throw this.unreachable('get', err);
      }
    }
    if (res.status === 404) {
      const failure = await this.failure('get', res);
      // A missing object is an answer (NoSuchKey, or a bare 404 from some services); a missing bucket is a deployment fault.
      if (failure.code !== 'NoSuchBucket') return null;
      this.onFailure(failure);
      throw new FileStoreUnavailable(failure);
    }
    throw await this.failed('get', res);
  }

  async delete(key: string): Promise<void> {
    const res = await this.send('delete', key, { method: 'DELETE' });
    // S3 answers 204 whether or not the object was there; some services answer 404 for a missing one.
    if (res.ok) {
      await res.body?.cancel();
      return;
    }
    if (res.status === 404) {
      const failure = await this.failure('delete', res);
      if (failure.code !== 'NoSuchBucket') return;
      this.onFailure(failure);
      throw new FileStoreUnavailable(failure);
    }
    throw await this.failed('delete', res);
  }

  /** Writes, reads back and removes a small object: throws SERVICE_UNAVAILABLE when any of it fails. */
  async probe(): Promise<void> {
    const key = `health/probe-${randomBytes(6).toString('hex')}`;
    const bytes = Buffer.from('ok');
    await this.put(key, bytes);
    const read = await this.get(key);
    await this.delete(key);
    if (!read?.equals(bytes)) {
      const failure: S3Failure = { operation: 'get', status: 200, code: 'ProbeMismatch', message: 'the probe object did not read back as written' };
      this.onFailure(failure);
      throw new FileStoreUnavailable(failure);
    }
  }

  private async send(operation: S3Failure['operation'], key: string, init: RequestInit): Promise<Response> {
    // An unsafe key is a bug in Pavilion, thrown as it is, not a store that is unavailable.
    const url = this.objectUrl(key);
    try {
      return await this.client.fetch(url, { ...init, signal: AbortSignal.timeout(this.timeoutMs) });
    } catch (err) {
      throw this.unreachable(operation, err);
    }
  }

  private unreachable(operation: S3Failure['operation'], err: unknown): FileStoreUnavailable {
    const cause = (err as { cause?: { code?: string; message?: string } }).cause;
    const code = cause?.code ?? (err as { name?: string }).name ?? 'Error';
    const failure: S3Failure = { operation, status: null, code, message: cause?.message ?? (err as Error).message };
    this.onFailure(failure);
    return new FileStoreUnavailable(failure);
  }

  private async failed(operation: S3Failure['operation'], res: Response): Promise<FileStoreUnavailable> {
    const failure = await this.failure(operation, res);
    this.onFailure(failure);
    return new FileStoreUnavailable(failure);
  }

  /** Reads S3's XML error body (<Error><Code>…</Code><Message>…</Message></Error>); HEAD-like answers have none. */
  private async failure(operation: S3Failure['operation'], res: Response): Promise<S3Failure> {
    const text = await res.text().catch(() => '');
    const tag = (name: string) => new RegExp(`<${name}>([^<]*)</${name}>`).exec(text)?.[1];
    return { operation, status: res.status, code: tag('Code') ?? `HTTP${res.status}`, message: tag('Message') ?? res.statusText };
  }
}
