import type { ReactNode } from 'react';
import { App, ConfigProvider } from 'antd';
import enUS from 'antd/locale/en_US';
import zhCN from 'antd/locale/zh_CN';
import { useLocale } from '../i18n/face-language.tsx';

/** antd in the face's language (its own texts: table pagination, empty states). */
export function ConsoleProviders({ children }: { children: ReactNode }) {
  const { locale } = useLocale();
  return (
    <ConfigProvider locale={locale === 'zh-CN' ? zhCN : enUS}>
      <App>{children}</App>
    </ConfigProvider>
  );
}
