import { useTranslation } from 'react-i18next';
import { Navigate, Route, Routes } from 'react-router';
import { ConsoleLayout, type ConsoleMenuItem } from '../console/console-layout.tsx';
import { ConsoleLoginPage } from '../console/console-login-page.tsx';
import { ConsoleProviders } from '../console/console-providers.tsx';
import { ApplicationPage } from './application/application-page.tsx';
import { BrandsPage } from './brands/brands-page.tsx';
import { exporterPaths } from './exporter-paths.ts';
import { ExporterHomePage } from './exporter-home-page.tsx';
import { ProductEditorPage } from './products/product-editor-page.tsx';
import { ProductsPage } from './products/products-page.tsx';
import { StockPage } from './stock/stock-page.tsx';

/** The exporter console (antd), mounted at `/exporter`; English unless the switch chose Chinese. */
export function ExporterApp() {
  const { t } = useTranslation();
  const menu: ConsoleMenuItem[] = [
    { path: exporterPaths.home, label: t('exporter.menu.home'), testId: 'menu-home' },
    { path: exporterPaths.application, label: t('exporter.menu.application'), testId: 'menu-application' },
    { path: exporterPaths.brands, label: t('exporter.menu.brands'), testId: 'menu-brands' },
    { path: exporterPaths.products, label: t('exporter.menu.products'), testId: 'menu-products' },
    { path: exporterPaths.stock, label: t('exporter.menu.stock'), testId: 'menu-stock' },
  ];
  return (
    <ConsoleProviders>
      <Routes>
        <Route
          path="login"
          element={<ConsoleLoginPage title={t('exporter.login.title')} submitLabel={t('exporter.login.submit')} homePath={exporterPaths.home} />}
        />
        <Route element={<ConsoleLayout title={t('exporter.title')} loginPath={exporterPaths.login} menu={menu} />}>
          <Route index element={<ExporterHomePage />} />
          <Route path="application" element={<ApplicationPage />} />
          <Route path="brands" element={<BrandsPage />} />
          <Route path="products" element={<ProductsPage />} />
          <Route path="products/new" element={<ProductEditorPage />} />
          <Route path="products/:id" element={<ProductEditorPage />} />
          <Route path="stock" element={<StockPage />} />
          <Route path="*" element={<Navigate to={exporterPaths.home} replace />} />
        </Route>
      </Routes>
    </ConsoleProviders>
  );
}
