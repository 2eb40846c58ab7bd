import { Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link, Navigate, Route, Routes } from 'react-router';
import { ConsoleLayout, type ConsoleMenuItem } from '../console/console-layout.tsx';
import { ConsoleLoginPage } from '../console/console-login-page.tsx';
import { ConsoleProviders } from '../console/console-providers.tsx';
import { lazyPage } from '../console/lazy-page.tsx';
import { exporterPaths } from './exporter-paths.ts';
import { ExporterHomePage } from './exporter-home-page.tsx';

// Pages load when first opened (see lazyPage).
const AcceptInvitationPageLazy = lazyPage(() => import('./onboarding/accept-invitation-page.tsx').then((module) => module.AcceptInvitationPage));
const ApplyPageLazy = lazyPage(() => import('./onboarding/apply-page.tsx').then((module) => module.ApplyPage));
const ApplicationPageLazy = lazyPage(() => import('./application/application-page.tsx').then((module) => module.ApplicationPage));
const BrandsPageLazy = lazyPage(() => import('./brands/brands-page.tsx').then((module) => module.BrandsPage));
const ImportPageLazy = lazyPage(() => import('./import/import-page.tsx').then((module) => module.ImportPage));
const ProductEditorPageLazy = lazyPage(() => import('./products/product-editor-page.tsx').then((module) => module.ProductEditorPage));
const OrdersPageLazy = lazyPage(() => import('./orders/orders-page.tsx').then((module) => module.OrdersPage));
const FulfilmentPageLazy = lazyPage(() => import('./fulfilment/fulfilment-page.tsx').then((module) => module.FulfilmentPage));
const ProductsPageLazy = lazyPage(() => import('./products/products-page.tsx').then((module) => module.ProductsPage));
const StockPageLazy = lazyPage(() => import('./stock/stock-page.tsx').then((module) => module.StockPage));
const TeamPageLazy = lazyPage(() => import('./team/team-page.tsx').then((module) => module.TeamPage));
const StatementsPageLazy = lazyPage(() => import('./statements/statements-page.tsx').then((module) => module.StatementsPage));
const ReturnsPageLazy = lazyPage(() => import('./returns/returns-page.tsx').then((module) => module.ReturnsPage));
const InquiriesPageLazy = lazyPage(() => import('./trade/inquiries-page.tsx').then((module) => module.InquiriesPage));
const RfqBoardPageLazy = lazyPage(() => import('./trade/rfq-board-page.tsx').then((module) => module.RfqBoardPage));
const B2bOrdersPageLazy = lazyPage(() => import('./trade/b2b-orders-page.tsx').then((module) => module.B2bOrdersPage));

/** The exporter console (antd), mounted at `/exporter`; English unless the switch chose Chinese. */
export function ExporterApp() {
  const { t } = useTranslation();
  const menu: ConsoleMenuItem[] = [
    { path: exporterPaths.home, label: t('exporter.menu.home'), testId: 'menu-home' },
    { path: exporterPaths.application, label: t('exporter.menu.application'), testId: 'menu-application' },
    { path: exporterPaths.brands, label: t('exporter.menu.brands'), testId: 'menu-brands' },
    { path: exporterPaths.products, label: t('exporter.menu.products'), testId: 'menu-products' },
    { path: exporterPaths.stock, label: t('exporter.menu.stock'), testId: 'menu-stock' },
    { path: exporterPaths.orders, label: t('exporter.menu.orders'), testId: 'menu-orders' },
    { path: exporterPaths.catalogImport, label: t('exporter.menu.import'), testId: 'menu-import' },
    { path: exporterPaths.team, label: t('exporter.menu.team'), testId: 'menu-team' },
    { path: exporterPaths.statements, label: t('exporter.menu.statements'), testId: 'menu-statements' },
    { path: exporterPaths.fulfilment, label: t('exporter.menu.fulfilment'), testId: 'menu-fulfilment' },
    { path: exporterPaths.returns, label: t('exporter.menu.returns'), testId: 'menu-returns' },
    { path: exporterPaths.inquiries, label: t('exporter.menu.inquiries'), testId: 'menu-inquiries' },
    { path: exporterPaths.rfqs, label: t('exporter.menu.rfqs'), testId: 'menu-rfqs' },
    { path: exporterPaths.b2bOrders, label: t('exporter.menu.b2bOrders'), testId: 'menu-b2b-orders' },
  ];
  return (
    <ConsoleProviders>
      <Routes>
        <Route
          path="login"
          element={
            <ConsoleLoginPage
              title={t('exporter.login.title')}
              submitLabel={t('exporter.login.submit')}
              homePath={exporterPaths.home}
              footer={
                <Typography.Paragraph style={{ margin: '16px 0 0', textAlign: 'center' }}>
                  {t('exporter.login.newExporter')} <Link to={exporterPaths.apply} data-testid="apply-link">{t('exporter.login.apply')}</Link>
                </Typography.Paragraph>
              }
            />
          }
        />
        <Route path="apply" element={<ApplyPageLazy />} />
        <Route path="invitations/:token" element={<AcceptInvitationPageLazy />} />
        <Route element={<ConsoleLayout title={t('exporter.title')} loginPath={exporterPaths.login} menu={menu} />}>
          <Route index element={<ExporterHomePage />} />
          <Route path="application" element={<ApplicationPageLazy />} />
          <Route path="brands" element={<BrandsPageLazy />} />
          <Route path="products" element={<ProductsPageLazy />} />
          <Route path="products/new" element={<ProductEditorPageLazy />} />
          <Route path="products/:id" element={<ProductEditorPageLazy />} />
          <Route path="stock" element={<StockPageLazy />} />
          <Route path="import" element={<ImportPageLazy />} />
          <Route path="orders" element={<OrdersPageLazy />} />
          <Route path="team" element={<TeamPageLazy />} />
          <Route path="statements" element={<StatementsPageLazy />} />
          <Route path="fulfilment" element={<FulfilmentPageLazy />} />
          <Route path="returns" element={<ReturnsPageLazy />} />
          <Route path="inquiries" element={<InquiriesPageLazy />} />
          <Route path="rfqs" element={<RfqBoardPageLazy />} />
          <Route path="b2b-orders" element={<B2bOrdersPageLazy />} />
          <Route path="*" element={<Navigate to={exporterPaths.home} replace />} />
        </Route>
      </Routes>
    </ConsoleProviders>
  );
}
