import type { FastifyInstance } from 'fastify';
import { validationMessages } from '@pavilion/contracts';
import { AppError } from './errors.ts';

/** No request of ours nests deeper than a few levels; 64 leaves room and keeps recursive walkers safe. */
export const MAX_JSON_DEPTH = 64;

/** How deep arrays and objects nest in a parsed JSON value, counted without recursion (a 1 MB body can nest 500,000 deep). */
export function jsonDepth(value: unknown, stopAt = Infinity): number {
  let deepest = 0;
  const stack: Array<[unknown, number]> = [[value, 0]];
  while (stack.length > 0) {
    const [node, depth] = stack.pop() as [unknown, number];
    if (node === null || typeof node !== 'object') continue;
    const level = depth + 1;
    if (level > deepest) deepest = level;
    if (deepest > stopAt) return deepest;
    for (const child of Object.values(node)) stack.push([child, level]);
  }
  return deepest;
}

/**
 * JSON bodies are parsed as Fastify does (prototype poisoning refused), then refused with a 400 when
 * they nest deeper than MAX_JSON_DEPTH: whatever walks a body recursively afterwards (a schema, a
 * text check) cannot be made to overflow the stack and answer 500.
 */
export function registerJsonBodyParser(app: FastifyInstance): void {
  const parse = app.getDefaultJsonParser('error', 'error');
  app.removeContentTypeParser('application/json');
  app.addContentTypeParser('application/json', { parseAs: 'string' }, (request, body, done) => {
    parse(request, typeof body === 'string' ? body : body.toString('utf8'), (err, value) => {
      if (err) return done(err, undefined);
      if (jsonDepth(value, MAX_JSON_DEPTH) > MAX_JSON_DEPTH) {
        return done(new AppError('VALIDATION_FAILED', { details: [{ field: 'body', rule: 'too_deep', message: validationMessages.jsonTooDeep.en }] }), undefined);
      }
      done(null, value);
    });
  });
}
