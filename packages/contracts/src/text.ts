import { z } from 'zod';
import { validationMessages as m } from './validation.ts';

/**
 * Characters text never holds: the C0 controls XML 1.0 forbids (all below U+0020 except tab, line
 * feed and carriage return, NUL first among them: PostgreSQL refuses it in text and SQLite would
 * store it), the non-characters U+FFFE and U+FFFF, and lone surrogates (half of a character,
 * which UTF-8 cannot encode). Such text cannot reach a customs XML message, a PDF or a database
 * unchanged, so it is refused where it enters.
 */
// eslint-disable-next-line no-control-regex
const FORBIDDEN_IN_TEXT = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/;
/** Single-line fields (names, addresses, titles…) also refuse tab, line feed and carriage return. */
// eslint-disable-next-line no-control-regex
const FORBIDDEN_IN_LINE = /[\u0000-\u001F\uFFFE\uFFFF]/;

/** Half of a surrogate pair without its other half. */
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/** True when the text holds only characters text may hold (multi-line text: tab, LF and CR allowed). */
export function isCleanText(text: string): boolean {
  return !FORBIDDEN_IN_TEXT.test(text) && !LONE_SURROGATE.test(text);
}

/** True when the text is clean and on one line (no tab, LF or CR either). */
export function isSingleLine(text: string): boolean {
  return !FORBIDDEN_IN_LINE.test(text) && !LONE_SURROGATE.test(text);
}

/** The rule names answered with these refusals (`details[].rule`). */
export const textRules = { control: 'control_character', singleLine: 'single_line' } as const;

/** One line of text, trimmed, at most `max` characters: names, titles, addresses, numbers. */
export const singleLineText = (max: number) =>
  z.string().trim().max(max).refine(isSingleLine, { message: m.singleLine.en, params: { rule: textRules.singleLine } });

/** Text that may run over several lines (descriptions, messages, reasons), at most `max` characters. */
export const multiLineText = (max: number) =>
  z.string().trim().max(max).refine(isCleanText, { message: m.controlCharacter.en, params: { rule: textRules.control } });

/**
 * Every string in a request (path parameters, query, body; keys as well as values) that holds a
 * character text never holds, as `{ path, message }`: the server checks each request with it
 * before the route's own schema, so every route refuses such text the same way on both engines.
 */
export function findUncleanText(value: unknown, path: Array<string | number> = []): Array<{ path: Array<string | number> }> {
  if (typeof value === 'string') return isCleanText(value) ? [] : [{ path }];
  if (Array.isArray(value)) return value.flatMap((item, i) => findUncleanText(item, [...path, i]));
  if (value !== null && typeof value === 'object') {
    return Object.entries(value).flatMap(([key, item]) => [
      ...(isCleanText(key) ? [] : [{ path: [...path, key] }]),
      ...findUncleanText(item, [...path, key]),
    ]);
  }
  return [];
}

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** True for a day that exists in the Gregorian calendar, written YYYY-MM-DD, from 1900 to 2999. */
export function isRealDate(text: string): boolean {
  const match = ISO_DATE.exec(text);
  if (!match) return false;
  const [y, mo, d] = [Number(match[1]), Number(match[2]), Number(match[3])];
  // Years are kept to a range every engine and Date handle (PostgreSQL has no year 0).
  if (y < 1900 || y > 2999) return false;
  const date = new Date(Date.UTC(y, mo - 1, d));
  return date.getUTCFullYear() === y && date.getUTCMonth() === mo - 1 && date.getUTCDate() === d;
}

/** A calendar day written YYYY-MM-DD that exists (no 2026-02-30, no 0000-00-00). */
export const isoDateSchema = z.string().regex(ISO_DATE, { message: m.isoDate.en }).refine(isRealDate, { message: m.isoDate.en });

/** Rich text (HTML the server sanitizes), kept as written: only characters text never holds are refused. */
export const richText = (max: number) =>
  z.string().max(max).refine(isCleanText, { message: m.controlCharacter.en, params: { rule: textRules.control } });
