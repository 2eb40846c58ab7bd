import i18n from 'i18next';
import { initReactI18next } from 'react-i18next';
import { locales, type Locale } from '@pavilion/contracts';
import enCommon from './locales/en/common.json';
import enStore from './locales/en/store.json';
import enExporter from './locales/en/exporter.json';
import enOperator from './locales/en/operator.json';
import enConsole from './locales/en/console.json';
import zhCommon from './locales/zh-CN/common.json';
import zhStore from './locales/zh-CN/store.json';
import zhExporter from './locales/zh-CN/exporter.json';
import zhOperator from './locales/zh-CN/operator.json';
import zhConsole from './locales/zh-CN/console.json';

// One file per face and language (locales/<lang>/<face>.json), joined under the face's key.
// console.json: the catalog vocabulary both consoles share (product fields, statuses, rules).
const en = { common: enCommon, store: enStore, exporter: enExporter, operator: enOperator, console: enConsole };
const zhCN = { common: zhCommon, store: zhStore, exporter: zhExporter, operator: zhOperator, console: zhConsole };

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
