/**
 * Finds what would show a user a raw key, an empty label or an unfilled {{variable}}: keys missing
 * from one locale, empty texts, and interpolation variables used by one locale but not the other.
 * Pure (no fs, no i18next) so that the locale test can feed it both real files and small fixtures.
 * Run by node directly (type stripping), so it uses erasable TypeScript only.
 */

/** `{{name}}`, `{{- name}}` (unescaped) and `{{value, format}}` all name the variable before any comma. */
const variablePattern = /\{\{\s*-?\s*([^\s,}]+)[^}]*\}\}/g;

export function flattenLocale(tree: unknown, prefix = ''): Map<string, unknown> {
  const flat = new Map<string, unknown>();
  if (typeof tree !== 'object' || tree === null || Array.isArray(tree)) {
    flat.set(prefix, tree);
    return flat;
  }
  for (const [key, value] of Object.entries(tree)) {
    const path = prefix === '' ? key : `${prefix}.${key}`;
    if (typeof value === 'object' && value !== null && !Array.isArray(value)) {
      for (const [innerPath, innerValue] of flattenLocale(value, path)) flat.set(innerPath, innerValue);
    } else {
      flat.set(path, value);
    }
  }
  return flat;
}

export function interpolationVariables(text: string): Set<string> {
  return new Set(Array.from(text.matchAll(variablePattern), (match) => match[1] ?? ''));
}

/** One line per problem, naming the key and the locale; an empty list means the locales agree. */
export function compareLocales(locales: Record<string, unknown>): string[] {
  const flat = Object.entries(locales).map(([name, tree]) => ({ name, keys: flattenLocale(tree) }));
  const allKeys = new Set(flat.flatMap(({ keys }) => Array.from(keys.keys())));
  const problems: string[] = [];
  for (const key of Array.from(allKeys).sort()) {
    for (const { name, keys } of flat) {
      if (!keys.has(key)) problems.push(`"${key}" is missing in ${name}`);
      else if (typeof keys.get(key) !== 'string') problems.push(`"${key}" in ${name} is not a text`);
      else if (String(keys.get(key)).trim() === '') problems.push(`"${key}" is empty in ${name}`);
    }
    const texts = flat.filter(({ keys }) => typeof keys.get(key) === 'string');
    for (const { name, keys } of texts) {
      const own = interpolationVariables(String(keys.get(key)));
      for (const other of texts) {
        if (other.name === name) continue;
        const theirs = interpolationVariables(String(other.keys.get(key)));
        for (const variable of own) {
          if (!theirs.has(variable)) problems.push(`"${key}" uses {{${variable}}} in ${name} but not in ${other.name}`);
        }
      }
    }
  }
  return problems;
}
