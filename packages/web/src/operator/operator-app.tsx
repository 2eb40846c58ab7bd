import { useTranslation } from 'react-i18next';
import { Navigate, Route, Routes } from 'react-router';
import { ConsoleLayout, type ConsoleMenuItem } from '../console/console-layout.tsx';
import { ConsoleLoginPage } from '../console/console-login-page.tsx';
import { ConsoleProviders } from '../console/console-providers.tsx';
import { lazyPage } from '../console/lazy-page.tsx';
import { operatorPaths } from './operator-paths.ts';
import { OperatorHomePage } from './operator-home-page.tsx';

// Pages load when first opened (see lazyPage).
const CategoriesPageLazy = lazyPage(() => import('./categories/categories-page.tsx').then((module) => module.CategoriesPage));
const ExporterQueuePageLazy = lazyPage(() => import('./exporters/exporter-queue-page.tsx').then((module) => module.ExporterQueuePage));
const ExporterReviewPageLazy = lazyPage(() => import('./exporters/exporter-review-page.tsx').then((module) => module.ExporterReviewPage));
const HsRatesPageLazy = lazyPage(() => import('./hs-rates/hs-rates-page.tsx').then((module) => module.HsRatesPage));
const OrdersPageLazy = lazyPage(() => import('./orders/orders-page.tsx').then((module) => module.OrdersPage));
const PaymentAnomaliesPageLazy = lazyPage(() => import('./orders/payment-anomalies-page.tsx').then((module) => module.PaymentAnomaliesPage));
const FulfilmentPageLazy = lazyPage(() => import('./fulfilment/fulfilment-page.tsx').then((module) => module.FulfilmentPage));
const AfterSalePageLazy = lazyPage(() => import('./returns/returns-page.tsx').then((module) => module.ReturnsPage));
const PavilionPageLazy = lazyPage(() => import('./pavilions/pavilion-page.tsx').then((module) => module.PavilionPage));
const PavilionsPageLazy = lazyPage(() => import('./pavilions/pavilions-page.tsx').then((module) => module.PavilionsPage));
const ProductQueuePageLazy = lazyPage(() => import('./products/product-queue-page.tsx').then((module) => module.ProductQueuePage));
const ProductReviewPageLazy = lazyPage(() => import('./products/product-review-page.tsx').then((module) => module.ProductReviewPage));
const RatesPageLazy = lazyPage(() => import('./rates/rates-page.tsx').then((module) => module.RatesPage));
const SearchPageLazy = lazyPage(() => import('./search/search-page.tsx').then((module) => module.SearchPage));
const StatementsPageLazy = lazyPage(() => import('./statements/statements-page.tsx').then((module) => module.StatementsPage));
const TradePageLazy = lazyPage(() => import('./trade/trade-page.tsx').then((module) => module.TradePage));
const JobsPageLazy = lazyPage(() => import('./jobs/jobs-page.tsx').then((module) => module.JobsPage));
const CustomsPageLazy = lazyPage(() => import('./customs/customs-page.tsx').then((module) => module.CustomsPage));

/** The operator console (antd), mounted at `/operator`; Chinese unless the switch chose English. */
export function OperatorApp() {
  const { t } = useTranslation();
  const menu: ConsoleMenuItem[] = [
    { path: operatorPaths.home, label: t('operator.menu.home'), testId: 'menu-home' },
    { path: operatorPaths.exporters, label: t('operator.menu.exporters'), testId: 'menu-exporters' },
    { path: operatorPaths.products, label: t('operator.menu.products'), testId: 'menu-products' },
    { path: operatorPaths.orders, label: t('operator.menu.orders'), testId: 'menu-orders' },
    { path: operatorPaths.paymentAnomalies, label: t('operator.menu.paymentAnomalies'), testId: 'menu-payment-anomalies' },
    { path: operatorPaths.pavilions, label: t('operator.menu.pavilions'), testId: 'menu-pavilions' },
    { path: operatorPaths.rates, label: t('operator.menu.rates'), testId: 'menu-rates' },
    { path: operatorPaths.hsRates, label: t('operator.menu.hsRates'), testId: 'menu-hs-rates' },
    { path: operatorPaths.categories, label: t('operator.menu.categories'), testId: 'menu-categories' },
    { path: operatorPaths.search, label: t('operator.menu.search'), testId: 'menu-search' },
    { path: operatorPaths.statements, label: t('operator.menu.statements'), testId: 'menu-statements' },
    { path: operatorPaths.fulfilment, label: t('operator.menu.fulfilment'), testId: 'menu-fulfilment' },
    { path: operatorPaths.afterSale, label: t('operator.menu.afterSale'), testId: 'menu-after-sale' },
    { path: operatorPaths.trade, label: t('operator.menu.trade'), testId: 'menu-trade' },
    { path: operatorPaths.customs, label: t('operator.menu.customs'), testId: 'menu-customs' },
    { path: operatorPaths.jobs, label: t('operator.menu.jobs'), testId: 'menu-jobs', onlyFor: 'admin' },
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
          <Route path="exporters" element={<ExporterQueuePageLazy />} />
          <Route path="exporters/:id" element={<ExporterReviewPageLazy />} />
          <Route path="products" element={<ProductQueuePageLazy />} />
          <Route path="products/:id" element={<ProductReviewPageLazy />} />
          <Route path="pavilions" element={<PavilionsPageLazy />} />
          <Route path="pavilions/:id" element={<PavilionPageLazy />} />
          <Route path="rates" element={<RatesPageLazy />} />
          <Route path="hs-rates" element={<HsRatesPageLazy />} />
          <Route path="categories" element={<CategoriesPageLazy />} />
          <Route path="search" element={<SearchPageLazy />} />
          <Route path="orders" element={<OrdersPageLazy />} />
          <Route path="payment-anomalies" element={<PaymentAnomaliesPageLazy />} />
          <Route path="statements" element={<StatementsPageLazy />} />
          <Route path="fulfilment" element={<FulfilmentPageLazy />} />
          <Route path="after-sale" element={<AfterSalePageLazy />} />
          <Route path="trade" element={<TradePageLazy />} />
          <Route path="customs" element={<CustomsPageLazy />} />
          <Route path="jobs" element={<JobsPageLazy />} />
          <Route path="*" element={<Navigate to={operatorPaths.home} replace />} />
        </Route>
      </Routes>
    </ConsoleProviders>
  );
}
