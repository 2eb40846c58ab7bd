import { z } from 'zod';

export const locales = ['zh-CN', 'en'] as const;
export type Locale = (typeof locales)[number];
export const localeSchema = z.enum(locales);

/** A text shown to users in both languages. */
export const localizedTextSchema = z.object({ zh: z.string(), en: z.string() });
export type LocalizedText = z.infer<typeof localizedTextSchema>;

/** Picks zh-CN when the Accept-Language header prefers Chinese, English otherwise. */
export function localeFromAcceptLanguage(header: string | undefined): Locale {
  const first = header?.split(',')[0]?.trim().toLowerCase() ?? '';
  return first.startsWith('zh') ? 'zh-CN' : 'en';
}
