import type { ErrorCode } from '@pavilion/contracts';

/** The HTTP status of each error code; `satisfies` keeps a new code from shipping unmapped. */
export const errorStatus = {
  VALIDATION_FAILED: 400,
  UNAUTHENTICATED: 401,
  INVALID_CREDENTIALS: 401,
  ACCOUNT_DISABLED: 403,
  FORBIDDEN: 403,
  CSRF_REJECTED: 403,
  NOT_FOUND: 404,
  ALREADY_EXISTS: 409,
  INVALID_TRANSITION: 409,
  PUBLICATION_RULES_FAILED: 422,
  IN_USE: 409,
  EXPORTER_NOT_APPROVED: 409,
  EXPORTER_SUSPENDED: 403,
  IMPORT_IN_PROGRESS: 409,
  RATE_LIMITED: 429,
  OTP_INVALID: 400,
  OTP_EXPIRED: 400,
  OTP_TOO_MANY_ATTEMPTS: 429,
  SMS_LIMIT_REACHED: 429,
  SMS_NUMBER_REJECTED: 400,
  SMS_UNAVAILABLE: 503,
  WECHAT_NOT_CONFIGURED: 503,
  WECHAT_CODE_INVALID: 401,
  WECHAT_USER_BLOCKED: 403,
  WECHAT_UNAVAILABLE: 502,
  PAYLOAD_TOO_LARGE: 413,
  UNSUPPORTED_MEDIA_TYPE: 415,
  OUT_OF_STOCK: 409,
  NOT_PURCHASABLE: 409,
  ORDER_LIMIT_EXCEEDED: 422,
  ANNUAL_QUOTA_EXCEEDED: 422,
  CONSENT_REQUIRED: 409,
  RISK_NOTICE_NOT_ACCEPTED: 409,
  IDEMPOTENCY_CONFLICT: 409,
  PAYMENT_MISMATCH: 400,
  PAYMENT_PROVIDER_ERROR: 502,
  SERVICE_UNAVAILABLE: 503,
  INTERNAL: 500,
  ORDER_NOT_SHIPPABLE: 409,
  ORDER_ALREADY_SHIPPED: 409,
  TRACKING_NUMBER_TAKEN: 409,
  ORDER_NOT_SHIPPED: 409,
  RETURN_NOT_ELIGIBLE: 409,
  RETURN_WINDOW_CLOSED: 409,
  RETURN_QUANTITY_EXCEEDED: 422,
  RETURN_WRONG_STATE: 409,
  RFQ_CLOSED: 409,
  QUOTE_EXPIRED: 409,
  INQUIRY_CLOSED: 409,
  CUSTOMS_MESSAGE_INVALID: 422,
  B2B_ORDER_WRONG_STATE: 409,
} as const satisfies Record<ErrorCode, number>;

/** An expected business outcome: answered with its status and code, never logged as a fault. */
export class AppError extends Error {
  readonly code: ErrorCode;
  readonly details: unknown;
  /** Seconds to wait, for RATE_LIMITED (sent as Retry-After). */
  readonly retryAfterSeconds: number | undefined;
  /** A message for this case in both languages (amounts filled in), instead of the code's general one. */
  readonly messages: { en: string; zh: string } | undefined;

  constructor(code: ErrorCode, options: { message?: string; details?: unknown; retryAfterSeconds?: number; messages?: { en: string; zh: string } } = {}) {
    super(options.message ?? code);
    this.name = 'AppError';
    this.code = code;
    this.details = options.details;
    this.messages = options.messages;
    this.retryAfterSeconds = options.retryAfterSeconds;
  }

  get status(): number {
    return errorStatus[this.code];
  }
}

export const notFound = (): AppError => new AppError('NOT_FOUND');
