import { useTranslation } from 'react-i18next';
import { Navigate, Route, Routes } from 'react-router';
import { ConsoleLayout, type ConsoleMenuItem } from '../console/console-layout.tsx';
import { ConsoleLoginPage } from '../console/console-login-page.tsx';
import { ConsoleProviders } from '../console/console-providers.tsx';
import { CategoriesPage } from './categories/categories-page.tsx';
import { ExporterQueuePage } from './exporters/exporter-queue-page.tsx';
import { ExporterReviewPage } from './exporters/exporter-review-page.tsx';
import { HsRatesPage } from './hs-rates/hs-rates-page.tsx';
import { operatorPaths } from './operator-paths.ts';
import { OperatorHomePage } from './operator-home-page.tsx';
import { PavilionPage } from './pavilions/pavilion-page.tsx';
import { PavilionsPage } from './pavilions/pavilions-page.tsx';
import { ProductQueuePage } from './products/product-queue-page.tsx';
import { ProductReviewPage } from './products/product-review-page.tsx';
import { RatesPage } from './rates/rates-page.tsx';

/** The operator console (antd), mounted at `/operator`; Chinese unless the switch chose English. */
export function OperatorApp() {
  const { t } = useTranslation();
  const menu: ConsoleMenuItem[] = [
    { path: operatorPaths.home, label: t('operator.menu.home'), testId: 'menu-home' },
    { path: operatorPaths.exporters, label: t('operator.menu.exporters'), testId: 'menu-exporters' },
    { path: operatorPaths.products, label: t('operator.menu.products'), testId: 'menu-products' },
    { path: operatorPaths.pavilions, label: t('operator.menu.pavilions'), testId: 'menu-pavilions' },
    { path: operatorPaths.rates, label: t('operator.menu.rates'), testId: 'menu-rates' },
    { path: operatorPaths.hsRates, label: t('operator.menu.hsRates'), testId: 'menu-hs-rates' },
    { path: operatorPaths.categories, label: t('operator.menu.categories'), testId: 'menu-categories' },
  ];
  return (
    <ConsoleProviders>
      <Routes>
        <Route
          path="login"
          element={<ConsoleLoginPage title={t('operator.login.title')} submitLabel={t('operator.login.submit')} homePath={operatorPaths.home} />}
        />
        <Route element={<ConsoleLayout title={t('operator.title')} loginPath={operatorPaths.login} menu={menu} />}>
          <Route index element={<OperatorHomePage />} />
          <Route path="exporters" element={<ExporterQueuePage />} />
          <Route path="exporters/:id" element={<ExporterReviewPage />} />
          <Route path="products" element={<ProductQueuePage />} />
          <Route path="products/:id" element={<ProductReviewPage />} />
          <Route path="pavilions" element={<PavilionsPage />} />
          <Route path="pavilions/:id" element={<PavilionPage />} />
          <Route path="rates" element={<RatesPage />} />
          <Route path="hs-rates" element={<HsRatesPage />} />
          <Route path="categories" element={<CategoriesPage />} />
          <Route path="*" element={<Navigate to={operatorPaths.home} replace />} />
        </Route>
      </Routes>
    </ConsoleProviders>
  );
}
