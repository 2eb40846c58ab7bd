import type { z } from 'zod';
import { categoryTreeSchema } from '@pavilion/contracts';
import { expect, send, type HttpMethod } from '../api/client.ts';

/** A call whose answer is checked against its contract's schema. */
export async function call<S extends z.ZodType>(method: HttpMethod, path: string, schema: S, body?: unknown): Promise<z.output<S>> {
  return expect(schema, await send(method, path, body));
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

export const getCategoryTree = () => call('GET', '/api/store/categories', categoryTreeSchema);
export type CategoryTree = z.output<typeof categoryTreeSchema>;
