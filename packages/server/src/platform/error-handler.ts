import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { hasZodFastifySchemaValidationErrors, isResponseSerializationError } from 'fastify-type-provider-zod';
import { errorMessages, isKnownValidationMessage, localeFromAcceptLanguage, localizeIssue, validationMessages, type ErrorCode, type ValidationIssue } from '@pavilion/contracts';
import { AppError, errorStatus } from './errors.ts';

export function sendError(
  request: FastifyRequest,
  reply: FastifyReply,
  code: ErrorCode,
  details?: unknown,
  messages?: { en: string; zh: string },
): FastifyReply {
  const locale = localeFromAcceptLanguage(request.headers['accept-language']);
  const lang = locale === 'zh-CN' ? 'zh' : 'en';
  // Validation issues are answered in the caller's language too, and so is any other error's issue
  // that carries one of the known messages (ALREADY_EXISTS naming the field that is taken).
  const localized = Array.isArray(details)
    ? (details as ValidationIssue[]).map((issue) => (code === 'VALIDATION_FAILED' || isKnownValidationMessage(issue?.message) ? { ...issue, message: localizeIssue(issue, locale) } : issue))
    : details;
  const body = { error: { code, message: (messages ?? errorMessages[code])[lang], ...(localized === undefined ? {} : { details: localized }) } };
  return reply.code(errorStatus[code]).type('application/json; charset=utf-8').send(body);
}

function validationIssues(error: Parameters<typeof hasZodFastifySchemaValidationErrors>[0] & object): ValidationIssue[] {
  if (!hasZodFastifySchemaValidationErrors(error)) return [];
  const context = error.validationContext ?? 'body';
  return error.validation.flatMap((v): ValidationIssue[] => {
    const path = v.instancePath.split('/').filter(Boolean);
    const keys = (v.params as { keys?: unknown }).keys;
    if (v.keyword === 'unrecognized_keys' && Array.isArray(keys)) {
      return keys.map((key) => ({
        field: [context, ...path, String(key)].join('.'),
        rule: 'unrecognized_key',
        message: validationMessages.unknownField.en,
      }));
    }
    // A refinement of ours names its rule (control_character, single_line…) instead of zod's "custom".
    const rule = (v.params as { params?: { rule?: unknown } }).params?.rule;
    return [{ field: [context, ...path].join('.'), rule: typeof rule === 'string' ? rule : v.keyword, message: v.message ?? 'is not valid' }];
  });
}

/** Fastify's own client errors, as our codes. */
const fastifyCodes: Partial<Record<string, ErrorCode>> = {
  FST_ERR_CTP_BODY_TOO_LARGE: 'PAYLOAD_TOO_LARGE',
  FST_ERR_CTP_INVALID_MEDIA_TYPE: 'UNSUPPORTED_MEDIA_TYPE',
  FST_ERR_CTP_INVALID_CONTENT_LENGTH: 'VALIDATION_FAILED',
  FST_ERR_CTP_EMPTY_JSON_BODY: 'VALIDATION_FAILED',
  FST_ERR_CTP_INVALID_JSON_BODY: 'VALIDATION_FAILED',
};

/**
 * The one error handler: AppError → its status and code; schema validation → 400 naming each
 * field; anything else → logged with the request id and answered as a generic 500.
 */
export function registerErrorHandler(app: FastifyInstance): void {
  app.setErrorHandler((error: FastifyError, request, reply) => {
    if (error instanceof AppError) {
      if (error.retryAfterSeconds !== undefined) reply.header('retry-after', String(error.retryAfterSeconds));
      return sendError(request, reply, error.code, error.details, error.messages);
    }
    if (hasZodFastifySchemaValidationErrors(error)) {
      return sendError(request, reply, 'VALIDATION_FAILED', validationIssues(error));
    }
    if (isResponseSerializationError(error)) {
      request.log.error({ err: error, issues: error.cause.issues }, 'response does not match its schema');
      return sendError(request, reply, 'INTERNAL', { requestId: request.id });
    }
    const known = error.code ? fastifyCodes[error.code] : undefined;
    if (known) {
      const details =
        known === 'VALIDATION_FAILED' ? [{ field: 'body', rule: 'invalid_json', message: error.message }] : undefined;
      return sendError(request, reply, known, details);
    }
    if (error.statusCode === 404) return sendError(request, reply, 'NOT_FOUND');
    if (error.statusCode === 429) return sendError(request, reply, 'RATE_LIMITED');
    if (error.statusCode !== undefined && error.statusCode >= 400 && error.statusCode < 500) {
      return sendError(request, reply, 'VALIDATION_FAILED', [{ field: 'request', rule: 'bad_request', message: error.message }]);
    }
    request.log.error({ err: error }, 'unhandled error');
    return sendError(request, reply, 'INTERNAL', { requestId: request.id });
  });
}

/**
 * The router's own refusals, before any route or hook runs: a URL that is not validly
 * percent-encoded, a path segment over the router's 100 characters. Answered in our format and the
 * caller's language like every other error, and never echoing the URL (it may be megabytes long).
 */
export function frameworkErrors(error: FastifyError, request: FastifyRequest, reply: FastifyReply): FastifyReply {
  reply.header('x-request-id', request.id);
  if (error.code === 'FST_ERR_BAD_URL') {
    return sendError(request, reply, 'VALIDATION_FAILED', [{ field: 'url', rule: 'invalid_encoding', message: validationMessages.urlEncoding.en }]);
  }
  if (error.code === 'FST_ERR_MAX_PARAM_LENGTH') {
    return sendError(request, reply, 'VALIDATION_FAILED', [{ field: 'params', rule: 'too_big', message: validationMessages.pathParamTooLong.en }]);
  }
  request.log.error({ err: error }, 'router error');
  return sendError(request, reply, 'INTERNAL', { requestId: request.id });
}
