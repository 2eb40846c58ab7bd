import { createContext, use, useLayoutEffect, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { Locale } from '@pavilion/contracts';
import { i18n, isLocale } from './i18n.ts';

/** The three audiences of the web app; each keeps its own language choice. */
export type Face = 'store' | 'exporter' | 'operator';

/** Buyers and operators are in China; exporters (Pakistan, the Pacific) work in English. */
export const faceDefaultLocales = {
  store: 'zh-CN',
  exporter: 'en',
  operator: 'zh-CN',
} as const satisfies Record<Face, Locale>;

const storageKey = (face: Face) => `pavilion.language.${face}`;

function readChosenLocale(face: Face): Locale | null {
  try {
    const stored = window.localStorage.getItem(storageKey(face));
    return isLocale(stored) ? stored : null;
  } catch {
    // Storage can be disabled (private mode, policies): fall back to the face's default.
    return null;
  }
}

function rememberLocale(face: Face, locale: Locale): void {
  try {
    window.localStorage.setItem(storageKey(face), locale);
  } catch {
    // Not remembered; the switch still works for this visit.
  }
}

const FaceContext = createContext<Face>('store');

/** Sets the face's language (remembered choice, else its default) before rendering the face. */
export function FaceLanguage({ face, children }: { face: Face; children: ReactNode }) {
  // The instance itself, not useTranslation()'s i18n: react-i18next hands out a new wrapper whenever
  // the language changes, which would re-run this effect and remount the whole face on every switch
  // (losing a page's state: the chosen variant, the pages of an endless list).
  const [ready, setReady] = useState(false);
  useLayoutEffect(() => {
    let current = true;
    setReady(false);
    void i18n.changeLanguage(readChosenLocale(face) ?? faceDefaultLocales[face]).then(() => {
      if (current) setReady(true);
    });
    return () => {
      current = false;
    };
  }, [face]);
  return <FaceContext value={face}>{ready ? children : null}</FaceContext>;
}

/** The current language and what the language switch needs; the face's UI library draws the button. */
export function useLocale() {
  const { i18n, t } = useTranslation();
  const face = use(FaceContext);
  const locale: Locale = isLocale(i18n.language) ? i18n.language : faceDefaultLocales[face];
  const other: Locale = locale === 'zh-CN' ? 'en' : 'zh-CN';
  return {
    locale,
    /** "English" while in Chinese, "中文" while in English. */
    switchLabel: t('common.switchLanguage'),
    /** A tooltip; the button's accessible name stays its visible text. */
    switchTitle: t('common.switchLanguageLabel'),
    /** The language the switch's own label is written in. */
    switchLabelLang: other,
    switchLanguage: () => {
      rememberLocale(face, other);
      void i18n.changeLanguage(other);
    },
  };
}
