import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import { z } from 'zod';
import type { StoreProduct } from '../api/client.ts';
import { useLocale } from '../i18n/face-language.tsx';
import { pick } from '../shared/localized.ts';
import { B2bBox } from './components/b2b-box.tsx';
import { ELabel } from './components/e-label.tsx';
import { ProductCompliance, ProductMaker } from './components/product-facts.tsx';
import { ProductGallery } from './components/product-gallery.tsx';
import { ProductPrice } from './components/product-price.tsx';
import { SanitizedHtml } from './components/rich-text.tsx';
import { Panel } from './components/section.tsx';
import { useProduct } from './components/store-data.ts';
import { findVariant, initialSelection } from './components/variant-selection.ts';
import { VariantPicker } from './components/variant-picker.tsx';
import { AddToCart } from './cart/add-to-cart.tsx';
import { SendInquiry } from './trade/send-inquiry.tsx';
import { NotFoundPage } from './not-found-page.tsx';
import { StoreError, StoreLoading, StorePage } from './store-ui.tsx';

const productId = z.uuid();

/** A product: gallery, yuan price with the origin price and rate, variants and stock, add to cart, story, facts, e-label, B2B terms. */
export function ProductPage() {
  const { id = '' } = useParams();
  // Product ids are UUIDs: anything else is a mistyped link, not a request worth sending.
  return productId.safeParse(id).success ? <Product id={id} /> : <NotFoundPage />;
}

function Product({ id }: { id: string }) {
  const { t } = useTranslation();
  const product = useProduct(id);
  return (
    <StorePage title={t('store.product.title')} backTo="/" share>
      {product.status === 'loading' && <StoreLoading />}
      {product.status === 'failed' && <StoreError error={product.error} onRetry={product.reload} />}
      {/* Keyed by product: another product's page starts from its own first variant. */}
      {product.status === 'done' && <ProductDetails key={product.data.id} product={product.data} />}
    </StorePage>
  );
}

function ProductDetails({ product }: { product: StoreProduct }) {
  const { t } = useTranslation();
  const { locale } = useLocale();
  const [selection, setSelection] = useState(() => initialSelection(product.variants));
  const variant = findVariant(product.variants, selection) ?? product.variants[0];
  const { content } = product;
  const title = pick(locale, content.titleZh || content.titleEn, content.titleEn || content.titleZh);
  const subtitle = pick(locale, content.subtitleZh || content.subtitleEn, content.subtitleEn || content.subtitleZh);
  const description = pick(locale, content.descriptionZh || content.descriptionEn, content.descriptionEn || content.descriptionZh);
  const originStory = pick(locale, content.originStoryZh || content.originStoryEn, content.originStoryEn || content.originStoryZh);
  return (
    <>
      <ProductGallery images={product.images} title={title} />
      <Panel>
        <h1 data-testid="product-title" style={{ fontSize: 18, lineHeight: 1.4, margin: '0 0 4px' }}>
          {title}
        </h1>
        {subtitle && <p style={{ margin: '0 0 10px', fontSize: 13, color: 'var(--adm-color-weak)' }}>{subtitle}</p>}
        {variant && <ProductPrice product={product} variant={variant} />}
        <VariantPicker product={product} selection={selection} onChange={setSelection} />
        {variant && <AddToCart key={variant.id} product={product} variant={variant} />}
        <SendInquiry exporterId={product.exporter.id} productId={product.id} minQuantity={content.b2b.moq} />
      </Panel>
      <ProductMaker product={product} />
      {originStory && (
        <Panel title={t('store.product.originStory')} testId="origin-story">
          <p style={{ margin: 0, fontSize: 15, lineHeight: 1.75, whiteSpace: 'pre-line' }}>{originStory}</p>
        </Panel>
      )}
      {description.trim() !== '' && (
        <Panel title={t('store.product.description')}>
          <SanitizedHtml html={description} testId="product-description" />
        </Panel>
      )}
      <ProductCompliance product={product} />
      <ELabel label={content.eLabel} />
      {variant && <B2bBox product={product} unitPrice={variant.price} />}
    </>
  );
}
