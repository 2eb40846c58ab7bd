import { ConfigProvider } from 'antd-mobile';
import enUS from 'antd-mobile/es/locales/en-US';
import zhCN from 'antd-mobile/es/locales/zh-CN';
import { Route, Routes, ScrollRestoration } from 'react-router';
import { useLocale } from '../i18n/face-language.tsx';
import './components/imperative-render.ts';
import { AccountPage } from './account-page.tsx';
import { AddressBookPage } from './addresses/address-book-page.tsx';
import { AddressFormPage } from './addresses/address-form-page.tsx';
import { CartPage } from './cart/cart-page.tsx';
import { CheckoutPage } from './checkout/checkout-page.tsx';
import { IdentitiesPage } from './identities/identities-page.tsx';
import { OrderDetailPage } from './orders/order-detail-page.tsx';
import { OrdersPage } from './orders/orders-page.tsx';
import { ReturnDetailPage } from './returns/return-detail-page.tsx';
import { ReturnRequestPage } from './returns/return-request-page.tsx';
import { ReturnsPage } from './returns/returns-page.tsx';
import { BrandPage } from './brand-page.tsx';
import { CategoriesPage } from './categories-page.tsx';
import { CategoryListingPage } from './category-listing-page.tsx';
import { ExporterPage } from './exporter-page.tsx';
import { HomePage } from './home-page.tsx';
import { LoginPage } from './login-page.tsx';
import { NotFoundPage } from './not-found-page.tsx';
import { PavilionPage } from './pavilion-page.tsx';
import { ProductPage } from './product-page.tsx';
import { SearchPage } from './search/search-page.tsx';
import { StoryPage } from './story-page.tsx';
import { InquiryThreadPage } from './trade/inquiry-thread-page.tsx';
import { QuoteComparisonPage } from './trade/quote-comparison-page.tsx';
import { RfqFormPage } from './trade/rfq-form-page.tsx';
import { RfqsPage } from './trade/rfqs-page.tsx';
import { TradeInboxPage } from './trade/trade-inbox-page.tsx';
import { B2bOrdersPage } from './trade/b2b-orders-page.tsx';
import { TradeNotificationsPage } from './trade/notifications.tsx';
import './store.css';

/** The buyer storefront (antd-mobile, mobile first), mounted at `/`. */
export function StoreApp() {
  const { locale } = useLocale();
  return (
    <ConfigProvider locale={locale === 'zh-CN' ? zhCN : enUS}>
      {/* A new page opens at its top; "back" returns to where the visitor was on the previous one. */}
      <ScrollRestoration />
      <Routes>
        <Route index element={<HomePage />} />
        <Route path="pavilions/:slug" element={<PavilionPage />} />
        <Route path="pavilions/:slug/stories/:storySlug" element={<StoryPage />} />
        <Route path="categories" element={<CategoriesPage />} />
        <Route path="categories/:id" element={<CategoryListingPage />} />
        <Route path="products/:id" element={<ProductPage />} />
        <Route path="exporters/:id" element={<ExporterPage />} />
        <Route path="brands/:id" element={<BrandPage />} />
        <Route path="search" element={<SearchPage />} />
        <Route path="login" element={<LoginPage />} />
        <Route path="me" element={<AccountPage />} />
        <Route path="cart" element={<CartPage />} />
        <Route path="checkout" element={<CheckoutPage />} />
        <Route path="addresses" element={<AddressBookPage />} />
        <Route path="addresses/new" element={<AddressFormPage />} />
        <Route path="addresses/:id" element={<AddressFormPage />} />
        <Route path="identities" element={<IdentitiesPage />} />
        <Route path="orders" element={<OrdersPage />} />
        <Route path="orders/:id" element={<OrderDetailPage />} />
        <Route path="orders/:id/return" element={<ReturnRequestPage />} />
        <Route path="returns" element={<ReturnsPage />} />
        <Route path="returns/:id" element={<ReturnDetailPage />} />
        <Route path="trade/inquiries" element={<TradeInboxPage />} />
        <Route path="trade/inquiries/:id" element={<InquiryThreadPage />} />
        <Route path="trade/rfqs" element={<RfqsPage />} />
        <Route path="trade/rfqs/new" element={<RfqFormPage />} />
        <Route path="trade/rfqs/:id" element={<QuoteComparisonPage />} />
        <Route path="trade/orders" element={<B2bOrdersPage />} />
        <Route path="trade/notifications" element={<TradeNotificationsPage />} />
        <Route path="*" element={<NotFoundPage />} />
      </Routes>
    </ConfigProvider>
  );
}
