import type { z } from 'zod';
import { errorBodySchema, validationIssueSchema, type ErrorCode, type ValidationIssue, type otpRequestSchema, type otpVerifyRequestSchema, type passwordLoginRequestSchema } from '@pavilion/contracts';
import {
  type SearchQueryInput,
  type listingQuerySchema,
} from '@pavilion/contracts';
import { pathOf, type Endpoint, type EndpointInput, type EndpointOutput } from '@pavilion/contracts';
import { i18n } from '../i18n/i18n.ts';

/** An answer of the API that is not a success: the `{ error: { code, message, details } }` body. */
export class ApiError extends Error {
  override readonly name = 'ApiError';
  readonly status: number;
  readonly code: ErrorCode;
  readonly details: unknown;

  constructor(options: { status: number; code: ErrorCode; message: string; details?: unknown }) {
    super(options.message);
    this.status = options.status;
    this.code = options.code;
    this.details = options.details;
  }

  /** The offending fields of a VALIDATION_FAILED answer (empty for any other code). */
  get issues(): ValidationIssue[] {
    if (this.code !== 'VALIDATION_FAILED' || !Array.isArray(this.details)) return [];
    return this.details.flatMap((detail: unknown) => {
      const parsed = validationIssueSchema.safeParse(detail);
      return parsed.success ? [parsed.data] : [];
    });
  }
}

export function isApiError(error: unknown, code?: ErrorCode): error is ApiError {
  return error instanceof ApiError && (code === undefined || error.code === code);
}

export type { HttpMethod } from '@pavilion/contracts';
import type { HttpMethod ,
  exporterProfileSchema,
  meSchema,
  operatorPavilionListSchema,
  pavilionDetailSchema,
  pavilionListSchema,
  categoryTreeSchema,
  hotSearchesSchema,
  listingPageSchema,
  productPageSchema,
  searchResultSchema,
  storeBrandSchema,
  storeExporterSchema,
  storyDetailSchema,
  suggestResultSchema} from '@pavilion/contracts';

/**
 * Sends a request to the API: `body` as JSON, or a FormData as multipart (the browser sets its boundary).
 * `extraHeaders`: what a few calls add (a guest's cart token, an order's Idempotency-Key).
 */
export async function send(method: HttpMethod, path: string, body?: unknown, extraHeaders: Record<string, string> = {}): Promise<unknown> {
  const headers: Record<string, string> = { ...extraHeaders, Accept: 'application/json', 'Accept-Language': i18n.language };
  // No body, no Content-Type: Fastify refuses an empty body declared as JSON.
  const multipart = body instanceof FormData;
  if (body !== undefined && !multipart) headers['Content-Type'] = 'application/json';
  let response: Response;
  try {
    response = await fetch(path, {
      method,
      headers,
      credentials: 'same-origin',
      body: body === undefined ? null : multipart ? body : JSON.stringify(body),
    });
  } catch (cause) {
    throw new ApiError({ status: 0, code: 'SERVICE_UNAVAILABLE', message: String(cause) });
  }
  const text = await response.text();
  const json: unknown = text === '' ? undefined : parseJson(text);
  if (response.ok) return json;
  const error = errorBodySchema.safeParse(json);
  if (error.success) throw new ApiError({ status: response.status, ...error.data.error });
  // Not the API's own answer (a proxy page, the server down behind the dev proxy).
  const code: ErrorCode = response.status >= 502 && response.status <= 504 ? 'SERVICE_UNAVAILABLE' : 'INTERNAL';
  throw new ApiError({ status: response.status, code, message: `${response.status} ${response.statusText}` });
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

/** Validates a success body against its contract, so a drift between server and web fails loudly here. */
export function expect<S extends z.ZodType>(schema: S, body: unknown): z.output<S> {
  const parsed = schema.safeParse(body);
  if (!parsed.success) {
    throw new ApiError({ status: 200, code: 'INTERNAL', message: parsed.error.message, details: parsed.error.issues });
  }
  return parsed.data;
}

/** What a few calls add: a guest's cart token, an order's Idempotency-Key. */
export interface CallOptions {
  headers?: Record<string, string>;
}

type ApiArgs<E extends Endpoint> = object extends EndpointInput<E>
  ? [input?: EndpointInput<E>, options?: CallOptions]
  : [input: EndpointInput<E>, options?: CallOptions];

/**
 * Calls an endpoint of the contracts by name: the path is built from `params`, `query` becomes the
 * query string, `body` is sent as JSON, and the answer is checked against the endpoint's success
 * schema. A failure throws an ApiError, as every call of the web app always has.
 */
export async function api<E extends Endpoint>(endpoint: E, ...[input, options]: ApiArgs<E>): Promise<EndpointOutput<E>> {
  const given = (input ?? {}) as { params?: Record<string, unknown>; query?: Record<string, unknown>; body?: unknown };
  const url = pathOf(endpoint, given.params) + queryString(given.query ?? {});
  const body = await send(endpoint.method, url, given.body, options?.headers);
  return expectAnswer(endpoint, body) as EndpointOutput<E>;
}

/** An upload to an endpoint that takes multipart: the text fields first, then the file in `file` (what readUpload expects). */
export async function uploadTo<E extends Endpoint>(
  endpoint: E,
  file: Blob,
  options: { params?: EndpointInput<E>['params']; fields?: Record<string, string> } = {},
): Promise<EndpointOutput<E>> {
  const form = new FormData();
  for (const [name, value] of Object.entries(options.fields ?? {})) form.append(name, value);
  form.append('file', file);
  const body = await send(endpoint.method, pathOf(endpoint, options.params ?? {}), form);
  return expectAnswer(endpoint, body) as EndpointOutput<E>;
}

/** A link to an endpoint that answers a file (a download, a picture): the browser fetches it. */
export function hrefOf<E extends Endpoint>(endpoint: E, input: Pick<EndpointInput<E>, 'params' | 'query'>): string {
  const given = input as { params?: Record<string, unknown>; query?: Record<string, unknown> };
  return pathOf(endpoint, given.params) + queryString(given.query ?? {});
}

/** The answer checked against the endpoint's success schemas (an endpoint answering files has none to check). */
function expectAnswer(endpoint: Endpoint, body: unknown): unknown {
  const schemas = Object.values(endpoint.response);
  if (schemas.length === 0) return body;
  let failure: z.ZodError | undefined;
  for (const schema of schemas) {
    const parsed = schema.safeParse(body);
    if (parsed.success) return parsed.data;
    failure ??= parsed.error;
  }
  throw new ApiError({ status: 200, code: 'INTERNAL', message: failure?.message ?? 'unexpected answer', details: failure?.issues });
}

export type Me = z.output<typeof meSchema>;
export type PavilionList = z.output<typeof pavilionListSchema>;
export type PavilionDetail = z.output<typeof pavilionDetailSchema>;
export type ExporterProfile = z.output<typeof exporterProfileSchema>;
export type OperatorPavilionList = z.output<typeof operatorPavilionListSchema>;
export type OperatorPavilion = OperatorPavilionList['items'][number];
export type PasswordLoginRequest = z.output<typeof passwordLoginRequestSchema>;
export type OtpRequest = z.output<typeof otpRequestSchema>;
export type OtpVerifyRequest = z.output<typeof otpVerifyRequestSchema>;

/** The listing's filters and sort (each optional: the server applies its defaults); the cursor is the feed's business. */
export type ListingQuery = Partial<Omit<z.output<typeof listingQuerySchema>, 'cursor'>>;
export type ListingPage = z.output<typeof listingPageSchema>;
export type StoreProduct = z.output<typeof productPageSchema>;
export type CategoryTree = z.output<typeof categoryTreeSchema>;
export type StoryDetail = z.output<typeof storyDetailSchema>;
export type StoreExporter = z.output<typeof storeExporterSchema>;
export type StoreBrand = z.output<typeof storeBrandSchema>;

/** A search: what was typed, the filters and the sort as the address carries them (yuan as typed), and the page. */
export type StoreSearchQuery = Omit<SearchQueryInput, 'page' | 'page_size'> & { page?: number; page_size?: number };
export type StoreSearchResult = z.output<typeof searchResultSchema>;
export type Suggestions = z.output<typeof suggestResultSchema>;
export type HotSearches = z.output<typeof hotSearchesSchema>;

/** `?a=1&b=x` from the defined values only (a list repeats its key). */
export function queryString(values: Readonly<Record<string, unknown>>): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(values)) {
    if (value === undefined || value === null || value === '') continue;
    for (const item of Array.isArray(value) ? value : [value]) params.append(key, String(item));
  }
  const text = params.toString();
  return text === '' ? '' : `?${text}`;
}
