import i18n from 'i18next';
import { initReactI18next } from 'react-i18next';
import { locales, type Locale } from '@pavilion/contracts';
import en from './locales/en.json';
import zhCN from './locales/zh-CN.json';

declare module 'i18next' {
  interface CustomTypeOptions {
    defaultNS: 'translation';
    // en.json is the reference: a key missing from it does not compile (locales.test.ts keeps zh-CN in step).
    resources: { translation: typeof en };
  }
}

export function isLocale(value: unknown): value is Locale {
  return typeof value === 'string' && (locales as readonly string[]).includes(value);
}

i18n.on('languageChanged', (language) => {
  document.documentElement.lang = language;
});

void i18n.use(initReactI18next).init({
  resources: { en: { translation: en }, 'zh-CN': { translation: zhCN } },
  // The face being opened picks the real language (see face-language.tsx) before it renders.
  lng: 'zh-CN',
  fallbackLng: false,
  supportedLngs: [...locales],
  load: 'currentOnly',
  // Resources are bundled: initialise synchronously so nothing renders a raw key.
  initAsync: false,
  // React escapes what it renders.
  interpolation: { escapeValue: false },
  returnNull: false,
});

export { i18n };
