import type { z } from 'zod';
import {
  errorBodySchema,
  exporterProfileSchema,
  meSchema,
  operatorPavilionListSchema,
  otpRequestResponseSchema,
  pavilionDetailSchema,
  pavilionListSchema,
  sessionResponseSchema,
  validationIssueSchema,
  type ErrorCode,
  type ValidationIssue,
  type otpRequestSchema,
  type otpVerifyRequestSchema,
  type passwordLoginRequestSchema,
} from '@pavilion/contracts';
import {
  categoryTreeSchema,
  hotSearchesSchema,
  listingPageSchema,
  productPageSchema,
  searchResultSchema,
  storeBrandSchema,
  storeExporterSchema,
  storyDetailSchema,
  suggestResultSchema,
  type SearchQueryInput,
  type listingQuerySchema,
} from '@pavilion/contracts';
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

export type HttpMethod = 'GET' | 'POST' | 'PUT' | 'DELETE';

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

/** A call whose answer is checked against its contract's schema. */
export async function call<S extends z.ZodType>(method: HttpMethod, path: string, schema: S, body?: unknown, headers?: Record<string, string>): Promise<z.output<S>> {
  return expect(schema, await send(method, path, body, headers));
}

/** A call answered with 204 No Content. */
export async function callNoContent(method: HttpMethod, path: string, body?: unknown): Promise<void> {
  await send(method, path, body);
}

/** A multipart upload: the text fields first, then the file in the field `file` (what readUpload expects). */
export async function upload<S extends z.ZodType>(path: string, schema: S, file: Blob, fields: Record<string, string> = {}): Promise<z.output<S>> {
  const form = new FormData();
  for (const [name, value] of Object.entries(fields)) form.append(name, value);
  form.append('file', file);
  return call('POST', path, schema, form);
}

/** A path segment from an id or code typed or received: never lets it change the path. */
export const seg = (value: string) => encodeURIComponent(value);

export type Me = z.output<typeof meSchema>;
export type PavilionList = z.output<typeof pavilionListSchema>;
export type PavilionDetail = z.output<typeof pavilionDetailSchema>;
export type ExporterProfile = z.output<typeof exporterProfileSchema>;
export type OperatorPavilionList = z.output<typeof operatorPavilionListSchema>;
export type OperatorPavilion = OperatorPavilionList['items'][number];
export type PasswordLoginRequest = z.output<typeof passwordLoginRequestSchema>;
export type OtpRequest = z.output<typeof otpRequestSchema>;
export type OtpVerifyRequest = z.output<typeof otpVerifyRequestSchema>;

/** Every endpoint the web app calls, typed by the contracts it shares with the server. */
export const api = {
  getMe: () => call('GET', '/api/auth/me', meSchema),
  login: (body: PasswordLoginRequest) => call('POST', '/api/auth/login', sessionResponseSchema, body),
  requestOtp: (body: OtpRequest) => call('POST', '/api/auth/otp/request', otpRequestResponseSchema, body),
  verifyOtp: (body: OtpVerifyRequest) => call('POST', '/api/auth/otp/verify', sessionResponseSchema, body),
  logout: async (): Promise<void> => {
    await send('POST', '/api/auth/logout');
  },
  getStorePavilions: () => call('GET', '/api/store/pavilions', pavilionListSchema),
  getStorePavilion: (slug: string) => call('GET', `/api/store/pavilions/${seg(slug)}`, pavilionDetailSchema),
  getExporterProfile: () => call('GET', '/api/exporter/profile', exporterProfileSchema),
  getOperatorPavilions: () => call('GET', '/api/operator/pavilions', operatorPavilionListSchema),
};

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

/** `?a=1&b=x` from the defined values only. */
function queryString(values: Record<string, string | number | undefined>): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(values)) if (value !== undefined && value !== '') params.set(key, String(value));
  const text = params.toString();
  return text === '' ? '' : `?${text}`;
}

/** The storefront's catalog: listing cards (endless scroll by cursor), product, story, exporter and brand pages. */
export const storeApi = {
  getProducts: (query: ListingQuery & { cursor?: string | undefined }) =>
    call('GET', `/api/store/products${queryString(query)}`, listingPageSchema),
  getProduct: (id: string) => call('GET', `/api/store/products/${seg(id)}`, productPageSchema),
  getCategories: () => call('GET', '/api/store/categories', categoryTreeSchema),
  getStory: (slug: string, storySlug: string) =>
    call('GET', `/api/store/pavilions/${seg(slug)}/stories/${seg(storySlug)}`, storyDetailSchema),
  getExporter: (id: string) => call('GET', `/api/store/exporters/${seg(id)}`, storeExporterSchema),
  getBrand: (id: string) => call('GET', `/api/store/brands/${seg(id)}`, storeBrandSchema),
  search: (query: StoreSearchQuery) => call('GET', `/api/store/search${queryString(query)}`, searchResultSchema),
  suggest: (q: string) => call('GET', `/api/store/search/suggest${queryString({ q })}`, suggestResultSchema),
  getHotSearches: () => call('GET', '/api/store/search/hot', hotSearchesSchema),
};
