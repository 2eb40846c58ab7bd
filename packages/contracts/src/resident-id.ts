/**
 * The PRC resident identity number (公民身份号码, GB 11643-1999) and the buyer's real name, as the
 * CBEC real-name rule needs them (海关总署公告2018年第194号: the buyer, 订购人, is identified by name and
 * ID number). Pure functions with no clock of their own: the caller passes `now`, so the server, the web
 * app and the tests get the same answers. The zod schemas built on them are in checkout.ts.
 */

/** China has kept one offset, UTC+8, since 1991: a fixed offset is exact for every date we handle. */
const CHINA_OFFSET_MS = 8 * 60 * 60 * 1000;

/** The calendar date in China (YYYY-MM-DD) at an instant: birthdays, quota years and customs dates use it. */
export function chinaCalendarDate(at: Date): string {
  return new Date(at.getTime() + CHINA_OFFSET_MS).toISOString().slice(0, 10);
}

/** GB 11643-1999 §4: weights of the 17 body digits (2^(18−i) mod 11). */
const CHECK_WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2] as const;
/** GB 11643-1999 §4: the check character for (Σ digit × weight) mod 11 = 0…10 (ISO 7064 MOD 11-2). */
const CHECK_CHARACTERS = ['1', '0', 'X', '9', '8', '7', '6', '5', '4', '3', '2'] as const;

/**
 * First two digits of the address code (GB/T 2260 provinces). 81, 82 and 83 are the Hong Kong, Macao
 * and Taiwan residents' residence permits (港澳台居民居住证, 国办发〔2018〕81号), which use the same number
 * format; whether customs accepts them for CBEC is UNVERIFIED, so they pass the format check here and a
 * policy decision can refuse them later. Codes of abolished counties stay valid in numbers already
 * issued, so only the province is checked, never the whole six digits against today's divisions.
 */
const PROVINCE_PREFIXES = new Set([
  '11', '12', '13', '14', '15', '21', '22', '23', '31', '32', '33', '34', '35', '36', '37',
  '41', '42', '43', '44', '45', '46', '50', '51', '52', '53', '54', '61', '62', '63', '64', '65',
  '81', '82', '83',
]);

/** Oldest birth date accepted: 120 years before today (China time). Older numbers are typing errors. */
export const RESIDENT_ID_MAX_AGE_YEARS = 120;

/** The check character of the first 17 digits (GB 11643-1999 §4). Throws if they are not 17 digits. */
export function residentIdCheckCharacter(body17: string): string {
  if (!/^\d{17}$/.test(body17)) throw new RangeError('the body of a resident ID number is 17 digits');
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += Number(body17[i]) * (CHECK_WEIGHTS[i] ?? 0);
  return CHECK_CHARACTERS[sum % 11] ?? '';
}

export type ResidentIdProblem = 'format' | 'region' | 'birth_date' | 'check_digit';

export type ResidentIdResult =
  | {
      ok: true;
      /** Normalised: 18 characters, a final x upper-cased. What is encrypted and hashed. */
      value: string;
      /** YYYY-MM-DD, from characters 7–14. */
      birthDate: string;
      /** GB 11643 §5.3: the 17th digit is odd for men, even for women. */
      sex: 'male' | 'female';
    }
  | { ok: false; problem: ResidentIdProblem };

/**
 * Checks an 18-character resident ID number (GB 11643-1999): 17 digits and a check character (a digit
 * or X; a lower-case x is accepted and upper-cased), a province-level address code, a birth date that
 * exists, is not after today and not more than 120 years ago (China time), and the MOD 11-2 check.
 * The old 15-digit numbers were withdrawn with the first-generation cards (2013) and are refused.
 */
export function parseResidentId(input: string, now: Date): ResidentIdResult {
  const value = input.trim().toUpperCase();
  if (!/^\d{17}[\dX]$/.test(value)) return { ok: false, problem: 'format' };
  if (!PROVINCE_PREFIXES.has(value.slice(0, 2))) return { ok: false, problem: 'region' };

  const birthDate = `${value.slice(6, 10)}-${value.slice(10, 12)}-${value.slice(12, 14)}`;
  const today = chinaCalendarDate(now);
  const oldest = `${String(Number(today.slice(0, 4)) - RESIDENT_ID_MAX_AGE_YEARS).padStart(4, '0')}${today.slice(4)}`;
  if (!isRealDate(birthDate) || birthDate > today || birthDate < oldest) return { ok: false, problem: 'birth_date' };

  if (residentIdCheckCharacter(value.slice(0, 17)) !== value[17]) return { ok: false, problem: 'check_digit' };
  return { ok: true, value, birthDate, sex: Number(value[16]) % 2 === 1 ? 'male' : 'female' };
}

function isRealDate(isoDate: string): boolean {
  const [y, m, d] = isoDate.split('-').map(Number) as [number, number, number];
  const date = new Date(Date.UTC(y, m - 1, d));
  return date.getUTCFullYear() === y && date.getUTCMonth() === m - 1 && date.getUTCDate() === d;
}

/**
 * Dots people type between the parts of a transcribed name (维吾尔族, 哈萨克族 and foreign-origin
 * names): all become the middle dot U+00B7 that the ID card prints.
 */
const DOT_VARIANTS = /[\u2022\u2027\u2219\u22C5\u30FB\uFF0E\uFF65.]/g;
const HAN = /^\p{Script=Han}$/u;

/** 2–30 characters, as the ID card prints the name. */
export const BUYER_NAME_MIN_LENGTH = 2;
export const BUYER_NAME_MAX_LENGTH = 30;

/**
 * The buyer's real name as on the resident ID card (海关总署公告2018年第194号, real-name buyer): 2–30
 * Chinese characters, parts of a transcribed name separated by single middle dots (买买提·艾力).
 * Characters are counted as code points, so rare characters outside the BMP (𠈌) count once. Returns
 * the normalised name (spaces removed, dot variants unified) or null.
 */
export function normaliseBuyerName(input: string): string | null {
  const name = input.replace(/\s+/g, '').replace(DOT_VARIANTS, '·');
  const chars = Array.from(name);
  if (chars.length < BUYER_NAME_MIN_LENGTH || chars.length > BUYER_NAME_MAX_LENGTH) return null;
  if (!chars.every((c) => c === '·' || HAN.test(c))) return null;
  if (name.startsWith('·') || name.endsWith('·') || name.includes('··')) return null;
  return name;
}
