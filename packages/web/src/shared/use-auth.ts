import { useCallback, useState } from 'react';
import { useNavigate } from 'react-router';
import { useQueryClient } from '@tanstack/react-query';
import { endpoints } from '@pavilion/contracts';
import { useEndpoint } from '../api/query.ts';
import { api } from '../api/client.ts';

/** The signed-in account; fails with UNAUTHENTICATED (401) when nobody is signed in. */
export function useMe() {
  return useEndpoint(endpoints.auth.getMe, {});
}

/** Ends the session, then goes to `to` (a login page or the home page). */
export function useSignOut(to: string) {
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const [signingOut, setSigningOut] = useState(false);
  const signOut = useCallback(async () => {
    setSigningOut(true);
    try {
      await api(endpoints.auth.logout);
    } catch {
      // Already signed out or the session expired: leaving is still the right outcome.
    } finally {
      setSigningOut(false);
      // Another account may sign in next: nothing read for this one stays in the cache.
      queryClient.clear();
      void navigate(to, { replace: true });
    }
  }, [navigate, to, queryClient]);
  return { signOut, signingOut };
}
