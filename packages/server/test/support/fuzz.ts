/**
 * Malformed inputs for the API fuzz test, generated from an operation's own JSON schema (the
 * OpenAPI document): a valid-looking value to start from, then one hostile change at a time:
 * a wrong type, a missing or unknown field, a huge string or number, NUL and control characters,
 * an array for a scalar. Everything is drawn from one seeded generator, so a seed replays a run.
 */

export type JsonSchema = {
  $ref?: string;
  type?: string | string[];
  enum?: unknown[];
  const?: unknown;
  format?: string;
  default?: unknown;
  minimum?: number;
  maximum?: number;
  exclusiveMinimum?: number;
  minLength?: number;
  maxLength?: number;
  minItems?: number;
  properties?: Record<string, JsonSchema>;
  required?: string[];
  items?: JsonSchema;
  anyOf?: JsonSchema[];
  oneOf?: JsonSchema[];
  allOf?: JsonSchema[];
};

/** mulberry32: small, fast, and the same sequence for the same seed on every machine. */
export class Rng {
  private state: number;
  constructor(seed: number) {
    this.state = seed >>> 0;
  }
  next(): number {
    this.state = (this.state + 0x6d2b79f5) >>> 0;
    let t = this.state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  }
  int(n: number): number {
    return Math.floor(this.next() * n);
  }
  pick<T>(items: readonly T[]): T {
    if (items.length === 0) throw new Error('pick from nothing');
    return items[this.int(items.length)] as T;
  }
}

/** Follows `#/components/schemas/…` references. */
export function resolver(components: Record<string, JsonSchema>) {
  return function resolve(schema: JsonSchema | undefined): JsonSchema {
    let s = schema ?? {};
    for (let i = 0; s.$ref && i < 20; i++) s = components[s.$ref.replace('#/components/schemas/', '')] ?? {};
    return s;
  };
}

const typesOf = (s: JsonSchema): string[] => (Array.isArray(s.type) ? s.type : s.type ? [s.type] : []);

/** A value the schema would probably accept: enough to get past the first check to the next one. */
export function sample(schema: JsonSchema | undefined, resolve: (s: JsonSchema | undefined) => JsonSchema, depth = 0): unknown {
  const s = resolve(schema);
  if (depth > 8) return null;
  if (s.const !== undefined) return s.const;
  if (s.enum?.length) return s.enum[0];
  if (s.default !== undefined && s.default !== null) return s.default;
  const choice = s.anyOf ?? s.oneOf;
  if (choice?.length) return sample(choice.find((c) => !typesOf(resolve(c)).includes('null')) ?? choice[0], resolve, depth + 1);
  if (s.allOf?.length) return sample(s.allOf[0], resolve, depth + 1);
  const type = typesOf(s).find((t) => t !== 'null') ?? (s.properties ? 'object' : undefined);
  switch (type) {
    case 'object': {
      const out: Record<string, unknown> = {};
      for (const [key, child] of Object.entries(s.properties ?? {})) {
        if (s.required?.includes(key)) out[key] = sample(child, resolve, depth + 1);
      }
      return out;
    }
    case 'array':
      return Array.from({ length: s.minItems ?? 0 }, () => sample(s.items, resolve, depth + 1));
    case 'integer':
    case 'number':
      return s.minimum ?? (s.exclusiveMinimum === undefined ? 1 : s.exclusiveMinimum + 1);
    case 'boolean':
      return true;
    case 'string':
      return sampleString(s);
    default:
      return null;
  }
}

function sampleString(s: JsonSchema): string {
  switch (s.format) {
    case 'uuid':
      return '00000000-0000-4000-8000-000000000000';
    case 'email':
      return 'fuzz@example.com';
    case 'date':
      return '2027-01-15';
    case 'date-time':
      return '2027-01-15T10:00:00+08:00';
    case 'uri':
      return 'https://example.com/';
    default:
      return 'x'.repeat(Math.max(1, Math.min(s.minLength ?? 1, 64)));
  }
}

/** Strings that broke servers before: NUL, control and bidi characters, lone surrogates, SQL and path tricks. */
const hostileStrings = [
  '',
  ' ',
  '\u0000',
  'a\u0000b',
  '\u0001\u0002\u0003\u0007\u0008\u001b[31m',
  '\r\n\r\nX-Injected: 1',
  '\ud800',
  '\udfff\ud800',
  '\u202e\u200b\ufeff',
  "'; drop table users; --",
  '../../../../etc/passwd',
  '%00%2e%2e%2f',
  '0000-00-00',
  '9999-99-99T99:99:99Z',
  '-0',
  'NaN',
  '1e309',
  '99999999999999999999999',
  '𠜎𠜱𠝹🇨🇳',
  '<script>alert(1)</script>',
];

const hostileNumbers = [0, -1, -0.5, 0.1, 1.5, 2 ** 31, 2 ** 53, 2 ** 53 + 2, -(2 ** 53) - 2, 1e21, 1e308, -1e308, Number.MAX_SAFE_INTEGER, Number.MIN_SAFE_INTEGER];

/** A value of some hostile shape, whatever the schema says. */
export function hostileValue(rng: Rng): unknown {
  switch (rng.int(9)) {
    case 0:
      return rng.pick(hostileStrings);
    case 1:
      return rng.pick(hostileNumbers);
    case 2:
      return hugeString(rng);
    case 3:
      return null;
    case 4:
      return rng.pick([true, false]);
    case 5:
      return [rng.pick(hostileStrings), rng.pick(hostileNumbers)];
    case 6:
      return { nested: { deeper: rng.pick(hostileStrings) } };
    case 7:
      return Array.from({ length: 1000 }, (_, i) => i);
    default:
      return {};
  }
}

export function hugeString(rng: Rng): string {
  const unit = rng.pick(['a', '汉', '\u0000', '9', ' ']);
  return unit.repeat(rng.pick([257, 4097, 65537, 300_000]));
}

/** A value the field's own type makes likely to hurt: past its bounds, outside its enum, another type. */
export function hostileFor(schema: JsonSchema, rng: Rng, resolve: (s: JsonSchema | undefined) => JsonSchema): unknown {
  const s = resolve(schema);
  const types = typesOf(s);
  if (rng.int(3) === 0) return hostileValue(rng);
  if (s.enum?.length) return rng.pick([`${String(s.enum[0])}\u0000`, String(s.enum[0]).toUpperCase() + 'X', 42, [s.enum[0]]]);
  if (types.includes('string')) {
    return rng.pick([
      rng.pick(hostileStrings),
      hugeString(rng),
      (s.maxLength ?? 100) > 0 ? 'a'.repeat((s.maxLength ?? 100) + 1) : 'a',
      rng.pick(hostileNumbers),
      [sample(s, resolve)],
      { value: sample(s, resolve) },
    ]);
  }
  if (types.includes('integer') || types.includes('number')) {
    return rng.pick([
      rng.pick(hostileNumbers),
      (s.maximum ?? 2 ** 53) + 1,
      (s.minimum ?? 0) - 1,
      String(rng.pick(hostileNumbers)),
      '12abc',
      [1],
    ]);
  }
  if (types.includes('array')) return rng.pick([sample(s.items, resolve), 'not-an-array', Array.from({ length: 5000 }, () => sample(s.items, resolve)), [null], [hostileValue(rng)]]);
  if (types.includes('object') || s.properties) return rng.pick(['not-an-object', [], 42, { constructor: { prototype: { polluted: true } } }]);
  if (types.includes('boolean')) return rng.pick(['true', 1, 'yes', null]);
  return hostileValue(rng);
}

/** Every path into the value the schema describes (object keys and the first array item), with its schema. */
export function schemaPaths(schema: JsonSchema | undefined, resolve: (s: JsonSchema | undefined) => JsonSchema): Array<{ path: Array<string | number>; schema: JsonSchema }> {
  const out: Array<{ path: Array<string | number>; schema: JsonSchema }> = [];
  const walk = (node: JsonSchema | undefined, path: Array<string | number>, depth: number) => {
    const s = resolve(node);
    out.push({ path, schema: s });
    if (depth > 6) return;
    for (const choice of [...(s.anyOf ?? []), ...(s.oneOf ?? []), ...(s.allOf ?? [])].slice(0, 3)) {
      const c = resolve(choice);
      if (c.properties || c.items) walk(c, path, depth + 1);
    }
    for (const [key, child] of Object.entries(s.properties ?? {})) walk(child, [...path, key], depth + 1);
    if (s.items) walk(s.items, [...path, 0], depth + 1);
  };
  walk(schema, [], 0);
  return out;
}

/** A copy of `value` with the thing at `path` replaced (or deleted with `remove`), building the way there. */
export function setAt(value: unknown, path: Array<string | number>, replacement: unknown, remove = false): unknown {
  if (path.length === 0) return remove ? undefined : replacement;
  const [head, ...rest] = path as [string | number, ...Array<string | number>];
  if (typeof head === 'number') {
    const list = Array.isArray(value) ? [...(value as unknown[])] : [];
    const next = setAt(list[head], rest, replacement, remove);
    if (remove && rest.length === 0) list.splice(head, 1);
    else list[head] = next;
    return list;
  }
  const obj = value !== null && typeof value === 'object' && !Array.isArray(value) ? { ...(value as Record<string, unknown>) } : {};
  if (remove && rest.length === 0) delete obj[head];
  else obj[head] = setAt(obj[head], rest, replacement, remove);
  return obj;
}
