import type { Locale } from './locale.ts';

/**
 * The messages our schemas give, in both languages. Schemas use the English text (zod keeps one
 * message per rule); `localizeIssue` turns it into the reader's language on the server (by
 * Accept-Language) and in the web app (by the page's language).
 */
export const validationMessages = {
  required: { en: 'is required', zh: '必填' },
  mobile: { en: 'must be a mainland China mobile number (11 digits, 13–19…)', zh: '须为中国大陆手机号（11 位，以 13–19 开头）' },
  email: { en: 'must be an email address', zh: '须为有效的邮箱地址' },
  passwordTooShort: { en: 'must be at least 10 characters', zh: '至少需要 10 个字符' },
  passwordTooLong: { en: 'must be at most 200 characters', zh: '最多 200 个字符' },
  otpCode: { en: 'must be the 6-digit code', zh: '须为 6 位数字验证码' },
  slug: { en: 'must be 2–64 lowercase letters, digits or hyphens', zh: '须为 2–64 个小写字母、数字或连字符' },
  unknownField: { en: 'is not a known field', zh: '不是可识别的字段' },
} as const satisfies Record<string, { en: string; zh: string }>;

/** Chinese for zod's own messages, by rule, when a schema did not give one of ours. */
const ruleMessagesZh: Partial<Record<string, string>> = {
  invalid_type: '缺失或类型不正确',
  too_small: '太短或太小',
  too_big: '太长或太大',
  invalid_format: '格式不正确',
  invalid_value: '不是允许的取值',
  unrecognized_key: '不是可识别的字段',
  invalid_json: '不是有效的 JSON',
  not_multiple_of: '数值不符合要求',
  custom: '不符合要求',
};

const byEnglish = new Map<string, { en: string; zh: string }>(Object.values(validationMessages).map((m) => [m.en, m]));

export function localizeIssue(issue: { rule: string; message: string }, locale: Locale): string {
  const known = byEnglish.get(issue.message);
  if (locale === 'en') return known?.en ?? issue.message;
  return known?.zh ?? ruleMessagesZh[issue.rule] ?? '填写不正确';
}
