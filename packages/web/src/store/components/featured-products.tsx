import { ProductGrid } from './product-card.tsx';
import { Section } from './section.tsx';
import { useFeaturedProducts } from './store-data.ts';

/**
 * The products an operator featured, in the operator's order. Renders nothing while loading, when none are featured, or when the load fails:
 * featured products decorate a page that has its full listing below.
 */
export function FeaturedProducts({ ids, title }: { ids: readonly string[]; title: string }) {
  const featured = useFeaturedProducts(ids);
  if (featured.status !== 'done' || featured.data.length === 0) return null;
  return (
    <Section title={title} testId="featured-products">
      <ProductGrid items={featured.data} />
    </Section>
  );
}
