import type { FastifyInstance, RouteOptions } from 'fastify';
import { errorBodySchema } from '@pavilion/contracts';
import fastifySwagger from '@fastify/swagger';
import fastifySwaggerUi from '@fastify/swagger-ui';
import { jsonSchemaTransform, jsonSchemaTransformObject } from 'fastify-type-provider-zod';

/** The OpenAPI 3.1 document generated from the routes' zod schemas, at /openapi.json and /docs. */
export async function registerOpenApi(app: FastifyInstance, options: { version: string }): Promise<void> {
  app.addHook('onRoute', documentCommonErrors);
  await app.register(fastifySwagger, {
    openapi: {
      openapi: '3.1.0',
      info: {
        title: 'Pavilion API',
        description:
          'National export pavilions reaching buyers in China. Errors are `{ "error": { "code", "message", "details"? } }`; ' +
          'messages follow Accept-Language (zh-CN or en). Web sessions use an httpOnly cookie; API clients send ' +
          '`Authorization: Bearer <token>` (sign in with `"session": "token"`).',
        version: options.version,
      },
      components: { securitySchemes: { bearer: { type: 'http', scheme: 'bearer' }, cookie: { type: 'apiKey', in: 'cookie', name: 'pavilion_session' } } },
      security: [{ bearer: [] }, { cookie: [] }],
    },
    transform: jsonSchemaTransform,
    transformObject: jsonSchemaTransformObject,
  });
  await app.register(fastifySwaggerUi, { routePrefix: '/docs', staticCSP: true });
  app.get('/openapi.json', { schema: { hide: true } }, async () => app.swagger());
}

const WITH_BODY = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

/**
 * The errors any API route can answer whatever it does, added to its documented responses once,
 * here, rather than by each feature (a route's own entry for a status wins):
 * - 400: a URL that is not validly percent-encoded, a path segment over 100 characters, a bad query;
 * - 500: anything unexpected (logged with the request id);
 * - with a body (POST, PUT, PATCH, DELETE): 403 when a cookie-authenticated write comes from another
 *   origin, 413 over the body limit, 415 for a content type the route does not read;
 * - with path parameters: 404 for an id that names nothing the caller may see;
 * - uploads (multipart): 503 when the file store cannot be written.
 */
function documentCommonErrors(route: RouteOptions): void {
  const schema = route.schema as { hide?: boolean; consumes?: string[]; response?: Record<string, unknown> } | undefined;
  if (!route.url.startsWith('/api/') || !schema || schema.hide) return;
  const methods = Array.isArray(route.method) ? route.method : [route.method];
  const common: Record<number, typeof errorBodySchema> = { 400: errorBodySchema, 500: errorBodySchema };
  if (methods.some((m) => WITH_BODY.has(m))) Object.assign(common, { 403: errorBodySchema, 413: errorBodySchema, 415: errorBodySchema });
  if (route.url.includes('/:')) common[404] = errorBodySchema;
  // Uploads store the file: a file store that cannot be written (a full disk) answers 503.
  if (schema.consumes?.includes('multipart/form-data')) common[503] = errorBodySchema;
  // A new schema object: routes may share one (and its responses) between them.
  route.schema = { ...schema, response: { ...common, ...schema.response } };
}
