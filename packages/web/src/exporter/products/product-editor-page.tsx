import { endpoints } from '@pavilion/contracts';
import { useQueryClient } from '@tanstack/react-query';
import { useMemo, useState } from 'react';
import { useParams } from 'react-router';
import type { CountryCode, CurrencyCode, PublicationIssue } from '@pavilion/contracts';
import { useCategoryTree } from '../../console/category-select.tsx';
import { ConsoleError, ConsoleLoading } from '../../console/console-feedback.tsx';
import { queryKeyOf, useEndpoint, useInvalidate } from '../../api/query.ts';
import type { ExporterProduct } from '../exporter-api.ts';
import { exporterPaths } from '../exporter-paths.ts';
import { ProductEditor } from './product-editor.tsx';

/** The currency an exporter most likely prices in, from its country (it can choose another). */
const homeCurrencies: Partial<Record<CountryCode, CurrencyCode>> = { PK: 'PKR', FJ: 'FJD', WS: 'WST', TO: 'TOP', VU: 'VUV', PG: 'PGK', SB: 'SBD', CN: 'CNY' };

/** /exporter/products/new and /exporter/products/:id: loads what the editor needs, then shows it. */
export function ProductEditorPage() {
  const { id } = useParams();
  // A new product has nothing to load: the editor starts empty.
  const loaded = useEndpoint(endpoints.exporter.getProduct, { params: { id: id ?? '' } }, { enabled: id !== undefined });
  const profile = useEndpoint(endpoints.exporter.getProfile, {});
  const brands = useEndpoint(endpoints.exporter.getBrands, {});
  const documents = useEndpoint(endpoints.exporter.getDocuments, {});
  const tree = useCategoryTree();
  const client = useQueryClient();
  const invalidate = useInvalidate();
  const product = id === undefined ? null : loaded.status === 'done' ? loaded.data : undefined;
  // A save answers the saved product: it becomes the cached answer under its own id (a new product's
  // page then opens with it), and the list of products asks again.
  const setProduct = (next: ExporterProduct) => {
    client.setQueryData(queryKeyOf(endpoints.exporter.getProduct, { params: { id: next.id } }), next);
    void invalidate(endpoints.exporter.getProducts);
  };
  const [refused, setRefused] = useState<PublicationIssue[] | null>(null);
  const country = profile.status === 'done' ? profile.data.exporter.country : null;
  const defaults = useMemo(() => ({ currency: (country && homeCurrencies[country]) ?? 'USD', originCountry: country ?? 'PK' }), [country]);

  const failed = [...(id === undefined ? [] : [loaded]), profile, brands, documents].find((state) => state.status === 'failed');
  if (failed?.status === 'failed') return <ConsoleError error={failed.error} loginPath={exporterPaths.login} onRetry={failed.reload} />;
  if (profile.status !== 'done' || brands.status !== 'done' || documents.status !== 'done') return <ConsoleLoading />;
  if (product === undefined) return <ConsoleLoading />;
  return (
    <ProductEditor
      // A new revision (after a save, a submission or a status change) starts the form afresh from it.
      key={product === null ? 'new' : `${product.id}:${product.updatedAt}:${product.status}`}
      product={product}
      defaults={defaults}
      brands={brands.data.items}
      tree={tree.status === 'done' ? tree.data : null}
      documents={documents.data.items}
      issues={refused ?? product?.publicationIssues ?? []}
      onChanged={(next, issues) => {
        setProduct(next);
        setRefused(issues ?? null);
      }}
    />
  );
}
