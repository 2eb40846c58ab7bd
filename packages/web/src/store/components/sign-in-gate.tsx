import type { ReactNode } from 'react';
import { Navigate, useLocation } from 'react-router';
import { needsSignIn, returnState } from '../../shared/navigation.ts';
import type { Loaded } from '../../api/query.ts';
import { StoreError, StoreLoading } from '../store-ui.tsx';

/**
 * The buyer's own data: loading, the failure (a 401 sends the visitor to sign in and back here),
 * or the content drawn from the loaded value.
 */
export function SignedInContent<T>({ loaded, children }: { loaded: Loaded<T> & { reload: () => void }; children: (data: T) => ReactNode }) {
  const location = useLocation();
  if (loaded.status === 'loading') return <StoreLoading />;
  if (loaded.status === 'failed') {
    if (needsSignIn(loaded.error)) return <Navigate to="/login" replace state={returnState(`${location.pathname}${location.search}`)} />;
    return <StoreError error={loaded.error} onRetry={loaded.reload} />;
  }
  return children(loaded.data);
}
