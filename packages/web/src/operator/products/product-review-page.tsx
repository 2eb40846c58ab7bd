import { useCallback } from 'react';
import { ConsoleError, ConsoleLoading } from '../../console/console-feedback.tsx';
import { useLoadedState } from '../../console/use-loaded-state.ts';
import { useParams } from 'react-router';
import { useApi } from '../../shared/use-api.ts';
import { operatorApi } from '../operator-api.ts';
import { operatorPaths } from '../operator-paths.ts';
import { ProductReview } from './product-review.tsx';

/** /operator/products/:id: one product as the reviewer sees it. */
export function ProductReviewPage() {
  const { id = '' } = useParams();
  const load = useCallback(() => operatorApi.getProduct(id), [id]);
  const loaded = useApi(load);
  const [view, setView] = useLoadedState(loaded);
  if (loaded.status === 'failed') return <ConsoleError error={loaded.error} loginPath={operatorPaths.login} onRetry={loaded.reload} />;
  if (view === undefined) return <ConsoleLoading />;
  return <ProductReview key={`${view.product.id}:${view.product.updatedAt}`} view={view} onChanged={setView} />;
}
