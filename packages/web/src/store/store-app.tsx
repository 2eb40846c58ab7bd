import { ConfigProvider } from 'antd-mobile';
import enUS from 'antd-mobile/es/locales/en-US';
import zhCN from 'antd-mobile/es/locales/zh-CN';
import { Route, Routes } from 'react-router';
import { useLocale } from '../i18n/face-language.tsx';
import { AccountPage } from './account-page.tsx';
import { HomePage } from './home-page.tsx';
import { LoginPage } from './login-page.tsx';
import { NotFoundPage } from './not-found-page.tsx';
import { PavilionPage } from './pavilion-page.tsx';

/** The buyer storefront (antd-mobile, mobile first), mounted at `/`. */
export function StoreApp() {
  const { locale } = useLocale();
  return (
    <ConfigProvider locale={locale === 'zh-CN' ? zhCN : enUS}>
      <Routes>
        <Route index element={<HomePage />} />
        <Route path="pavilions/:slug" element={<PavilionPage />} />
        <Route path="login" element={<LoginPage />} />
        <Route path="me" element={<AccountPage />} />
        <Route path="*" element={<NotFoundPage />} />
      </Routes>
    </ConfigProvider>
  );
}
