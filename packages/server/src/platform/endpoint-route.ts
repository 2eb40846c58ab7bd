import type {
  ContextConfigDefault,
  FastifyInstance,
  FastifySchema,
  RawReplyDefaultExpression,
  RawRequestDefaultExpression,
  RawServerDefault,
  RouteGenericInterface,
  RouteHandlerMethod,
  RouteOptions,
  RouteShorthandOptions,
} from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { Endpoint } from '@pavilion/contracts';

type Part<S, K extends string, Fallback> = S extends { readonly [key in K]: infer X } ? X : Fallback;
type EndpointPart<E, K extends string> = E extends { readonly [key in K]: infer X } ? X : undefined;

/** The schema Fastify sees: the endpoint's params, query, body and success answers, with the route's own additions. */
export type EndpointSchema<E extends Endpoint, S extends FastifySchema> = Omit<S, 'params' | 'querystring' | 'body' | 'response'> & {
  params: Part<S, 'params', EndpointPart<E, 'params'>>;
  querystring: Part<S, 'querystring', EndpointPart<E, 'query'>>;
  body: Part<S, 'body', EndpointPart<E, 'body'>>;
  response: E['response'] & Part<S, 'response', unknown>;
};

type Handler<Schema extends FastifySchema> = RouteHandlerMethod<
  RawServerDefault, RawRequestDefaultExpression, RawReplyDefaultExpression, RouteGenericInterface, ContextConfigDefault, Schema, ZodTypeProvider
>;
type Options<Schema extends FastifySchema> = Omit<
  RouteShorthandOptions<RawServerDefault, RawRequestDefaultExpression, RawReplyDefaultExpression, RouteGenericInterface, ContextConfigDefault, Schema, ZodTypeProvider>,
  'schema'
>;

/**
 * Registers the route of an endpoint declared in the contracts: its method and path (relative to
 * the plugin's prefix), its request and success schemas. The route adds what only the server knows:
 * the OpenAPI tags and summary, the error answers, headers, and the handler.
 */
export function route<const E extends Endpoint, const S extends FastifySchema>(
  app: Pick<FastifyInstance, 'prefix' | 'route'>,
  endpoint: E,
  options: { schema: S } & Options<EndpointSchema<E, S>>,
  handler: Handler<EndpointSchema<E, S>>,
): void {
  const { schema, ...rest } = options;
  const { response, ...ownSchema } = schema as FastifySchema;
  app.route({
    ...rest,
    method: endpoint.method,
    url: urlOf(app, endpoint),
    schema: {
      ...(endpoint.params && { params: endpoint.params }),
      ...(endpoint.query && { querystring: endpoint.query }),
      ...(endpoint.body && { body: endpoint.body }),
      ...ownSchema,
      response: { ...endpoint.response, ...(response as object | undefined) },
    },
    // The handler's types come from the endpoint's schemas (above); Fastify's own route() takes the untyped form.
    handler: handler as unknown as RouteOptions['handler'],
  } as RouteOptions);
}

/** The endpoint's path relative to the plugin's prefix (what Fastify's route takes). */
export function urlOf(app: Pick<FastifyInstance, 'prefix'>, endpoint: Endpoint): string {
  if (!endpoint.path.startsWith(app.prefix)) throw new Error(`${endpoint.method} ${endpoint.path} is outside the prefix ${app.prefix}`);
  return endpoint.path.slice(app.prefix.length) || '/';
}
