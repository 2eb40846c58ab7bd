/**
 * What an edit changes: the leaves of two product contents (or any JSON values) that differ, by
 * dotted path. Lists of plain values (tags, image ids, incoterms) compare as one value, so a reordered
 * list reads as one change rather than as many; lists of objects (variants) compare item by item.
 * Pure and erasable TypeScript, so node runs its test directly.
 */
export type ContentChange = { path: string; before: unknown; after: unknown };

type Json = unknown;

function isRecord(value: Json): value is Record<string, Json> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function isPlainList(value: Json): boolean {
  return Array.isArray(value) && value.every((item) => !isRecord(item) && !Array.isArray(item));
}

function flatten(value: Json, prefix: string, into: Map<string, Json>): void {
  if (isRecord(value)) {
    for (const [key, inner] of Object.entries(value)) flatten(inner, prefix === '' ? key : `${prefix}.${key}`, into);
  } else if (Array.isArray(value) && !isPlainList(value)) {
    value.forEach((item, index) => flatten(item, `${prefix}.${index}`, into));
  } else {
    into.set(prefix, value);
  }
}

function same(a: Json, b: Json): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

export function diffContent(before: Json, after: Json): ContentChange[] {
  const left = new Map<string, Json>();
  const right = new Map<string, Json>();
  flatten(before, '', left);
  flatten(after, '', right);
  const paths = new Set([...left.keys(), ...right.keys()]);
  const changes: ContentChange[] = [];
  for (const path of paths) {
    const a = left.get(path);
    const b = right.get(path);
    if (!same(a, b)) changes.push({ path, before: a, after: b });
  }
  return changes;
}
