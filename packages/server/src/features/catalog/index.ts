// What catalog offers the rest of the server: other features, app.ts, background-jobs.ts and cli.ts import it from here only.
export { rebuildListing, refreshListingStock } from './catalog-listing.ts';
export { exporterCatalogRoutes, operatorCatalogRoutes, storeCatalogRoutes } from './catalog.routes.ts';
export { refreshListingPrices } from './listing-prices.ts';
export { currenciesPricedIn } from './priced-currencies.ts';
export { ProductReviewService } from './product-review.service.ts';
export { findRevisions } from './product.repository.ts';
export { checkDraftStructure, checkPublication } from './product.rules.ts';
export { ProductService } from './product.service.ts';
export { loadPublicationContext } from './publication-context.ts';
export { findPurchasableVariants, type PurchasableVariant } from './purchasable.ts';
export { storefrontShareCards } from './share-cards.ts';
export { StockService } from './stock.service.ts';
export { StorefrontSearch } from './storefront-search.ts';
export { StorefrontService } from './storefront.service.ts';
export { priceVariants, type PricedVariant } from './variant-pricing.ts';
export { hasFreeStock, releaseStock, reserveStock, takeOutStock } from './stock-levels.ts';
export { seedPublishedProduct, seedWarehouse, type SeedProduct } from './catalog.seed.ts';
