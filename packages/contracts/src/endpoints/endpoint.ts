import type { z } from 'zod';

export type HttpMethod = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

/**
 * One endpoint of the API, declared once: the server's route takes its method, path and schemas
 * from it, and the web's client builds the request and reads the answer with the same schemas.
 */
export interface Endpoint {
  readonly method: HttpMethod;
  /** The full path, `:name` for each parameter (Fastify's syntax). */
  readonly path: string;
  readonly params?: z.ZodType;
  readonly query?: z.ZodType;
  readonly body?: z.ZodType;
  /** The success answers by status. Failures are the `{ error }` body of every endpoint. */
  readonly response: { readonly [status: number]: z.ZodType };
}

/** Declares an endpoint, keeping its literal types (the path's parameters, each schema). */
export function endpoint<const E extends Endpoint>(definition: E): E {
  return definition;
}

/** The parameter names of a path: `'id' | 'storyId'` for `/pavilions/:id/stories/:storyId`. */
export type PathParamNames<P extends string> = P extends `${string}:${infer Name}/${infer Rest}`
  ? Name | PathParamNames<`/${Rest}`>
  : P extends `${string}:${infer Name}`
    ? Name
    : never;

type Input<E, K extends 'params' | 'query' | 'body'> = E extends { readonly [key in K]: infer S extends z.ZodType } ? z.input<S> : undefined;

/** What a caller sends: the path's parameters, the query and the body, each as its schema takes it. */
export type EndpointInput<E extends Endpoint> = (PathParamNames<E['path']> extends never
  ? { params?: undefined }
  : { params: E extends { readonly params: z.ZodType } ? z.input<E['params']> : Record<PathParamNames<E['path']>, string> }) &
  (Input<E, 'query'> extends undefined ? { query?: undefined } : { query?: Input<E, 'query'> }) &
  (Input<E, 'body'> extends undefined ? { body?: undefined } : { body: Input<E, 'body'> });

/** What a success answers: the output of its schema (undefined for 204 No Content). */
export type EndpointOutput<E extends Endpoint> = {
  [S in keyof E['response']]: E['response'][S] extends z.ZodType ? z.output<E['response'][S]> : never;
}[keyof E['response']];

/** The path with its parameters filled in, each encoded so that no value can change the path. */
export function pathOf(endpoint: Pick<Endpoint, 'path'>, params: Readonly<Record<string, unknown>> = {}): string {
  return endpoint.path.replace(/:([A-Za-z0-9_]+)/g, (_, name: string) => {
    const value = params[name];
    if (value === undefined || value === null || value === '') throw new Error(`${endpoint.path}: the parameter ${name} is missing`);
    return encodeURIComponent(String(value));
  });
}
