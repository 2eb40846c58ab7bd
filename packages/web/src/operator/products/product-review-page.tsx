import { endpoints } from '@pavilion/contracts';
import { ConsoleError, ConsoleLoading } from '../../console/console-feedback.tsx';
import { useParams } from 'react-router';
import { useEndpoint, useSetEndpointData } from '../../api/query.ts';
import { operatorPaths } from '../operator-paths.ts';
import { ProductReview } from './product-review.tsx';

/** /operator/products/:id: one product as the reviewer sees it. */
export function ProductReviewPage() {
  const { id = '' } = useParams();
  const loaded = useEndpoint(endpoints.operator.getProduct, { params: { id } });
  const view = loaded.status === 'done' ? loaded.data : undefined;
  const setView = useSetEndpointData(endpoints.operator.getProduct, { params: { id } });
  if (loaded.status === 'failed') return <ConsoleError error={loaded.error} loginPath={operatorPaths.login} onRetry={loaded.reload} />;
  if (view === undefined) return <ConsoleLoading />;
  return <ProductReview key={`${view.product.id}:${view.product.updatedAt}`} view={view} onChanged={setView} />;
}
