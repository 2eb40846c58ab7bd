// The database as the application sees it, composed of the tables each feature owns and declares beside its code
// (`features/<feature>/<name>.table.ts`, `platform/**/<name>.table.ts`): a feature writes only its own tables and asks
// the owner for the rest. Nothing is declared here; the schema test checks the composition against the migrated
// database on both engines.
import type { TableColumns } from './column-types.ts';
import { accountTableColumns, type AccountTables } from '../features/accounts/account.table.ts';
import { addressTableColumns, type AddressTables } from '../features/addresses/address.table.ts';
import { authTableColumns, type AuthTables } from '../features/auth/auth.table.ts';
import { cartTableColumns, type CartTables } from '../features/cart/cart.table.ts';
import { productImportTableColumns, type ProductImportTables } from '../features/catalog-import/product-import.table.ts';
import { catalogTableColumns, type CatalogTables } from '../features/catalog/catalog.table.ts';
import { categoryTableColumns, type CategoryTables } from '../features/categories/category.table.ts';
import { shippingTemplateTableColumns, type ShippingTemplateTables } from '../features/shipping/shipping-template.table.ts';
import { customsTableColumns, type CustomsTables } from '../features/customs/customs.table.ts';
import { exporterTableColumns, type ExporterTables } from '../features/exporters/exporter.table.ts';
import { fulfilmentTableColumns, type FulfilmentTables } from '../features/fulfilment/fulfilment.table.ts';
import { hsRateTableColumns, type HsRateTables } from '../features/hs-rates/hs-rate.table.ts';
import { identityTableColumns, type IdentityTables } from '../features/identities/identity.table.ts';
import { mediaTableColumns, type MediaTables } from '../features/media/media.table.ts';
import { notificationTableColumns, type NotificationTables } from '../features/notifications/notification.table.ts';
import { couponTableColumns, type CouponTables } from '../features/promotions/coupon.table.ts';
import { flashSaleTableColumns, type FlashSaleTables } from '../features/promotions/flash-sale.table.ts';
import { orderTableColumns, type OrderTables } from '../features/orders/order.table.ts';
import { pavilionTableColumns, type PavilionTables } from '../features/pavilions/pavilion.table.ts';
import { paymentTableColumns, type PaymentTables } from '../features/payments/payment.table.ts';
import { rateTableColumns, type RateTables } from '../features/rates/rate.table.ts';
import { returnTableColumns, type ReturnTables } from '../features/returns/returns.table.ts';
import { searchTableColumns, type SearchTables } from '../features/search/search.table.ts';
import { settlementTableColumns, type SettlementTables } from '../features/settlement/settlement.table.ts';
import { b2bOrderTableColumns, type B2bOrderTables } from '../features/trade/b2b-order.table.ts';
import { companyTableColumns, type CompanyTables } from '../features/trade/company.table.ts';
import { inquiryTableColumns, type InquiryTables } from '../features/trade/inquiry.table.ts';
import { rfqTableColumns, type RfqTables } from '../features/trade/rfq.table.ts';
import { notificationEventTableColumns, type NotificationEventTables } from '../features/notifications/notification-event.table.ts';
import { jobTableColumns, type JobTables } from '../platform/jobs/job.table.ts';
import { rateLimiterTableColumns, type RateLimiterTables } from '../platform/rate-limiter.table.ts';
import { sessionTableColumns, type SessionTables } from '../platform/sessions.table.ts';

export interface DB
  extends AccountTables,
    AddressTables,
    AuthTables,
    CartTables,
    ProductImportTables,
    CatalogTables,
    CategoryTables,
    ShippingTemplateTables,
    CustomsTables,
    ExporterTables,
    FulfilmentTables,
    HsRateTables,
    IdentityTables,
    MediaTables,
    NotificationTables,
    CouponTables,
    FlashSaleTables,
    OrderTables,
    PavilionTables,
    PaymentTables,
    RateTables,
    ReturnTables,
    SearchTables,
    SettlementTables,
    B2bOrderTables,
    CompanyTables,
    InquiryTables,
    RfqTables,
    NotificationEventTables,
    JobTables,
    RateLimiterTables,
    SessionTables {}

/** Every table and column of DB with its nullability, for the schema test. */
export const tableColumns = {
  ...accountTableColumns,
  ...addressTableColumns,
  ...authTableColumns,
  ...cartTableColumns,
  ...productImportTableColumns,
  ...catalogTableColumns,
  ...categoryTableColumns,
  ...shippingTemplateTableColumns,
  ...customsTableColumns,
  ...exporterTableColumns,
  ...fulfilmentTableColumns,
  ...hsRateTableColumns,
  ...identityTableColumns,
  ...mediaTableColumns,
  ...notificationTableColumns,
  ...couponTableColumns,
  ...flashSaleTableColumns,
  ...orderTableColumns,
  ...pavilionTableColumns,
  ...paymentTableColumns,
  ...rateTableColumns,
  ...returnTableColumns,
  ...searchTableColumns,
  ...settlementTableColumns,
  ...b2bOrderTableColumns,
  ...companyTableColumns,
  ...inquiryTableColumns,
  ...rfqTableColumns,
  ...notificationEventTableColumns,
  ...jobTableColumns,
  ...rateLimiterTableColumns,
  ...sessionTableColumns,
} satisfies TableColumns<DB>;
