import { useCallback, useState } from 'react';
import { useNavigate } from 'react-router';
import { accountApi } from '../api/client.ts';
import { useApi } from './use-api.ts';

/** The signed-in account; fails with UNAUTHENTICATED (401) when nobody is signed in. */
export function useMe() {
  return useApi(accountApi.getMe);
}

/** Ends the session, then goes to `to` (a login page or the home page). */
export function useSignOut(to: string) {
  const navigate = useNavigate();
  const [signingOut, setSigningOut] = useState(false);
  const signOut = useCallback(async () => {
    setSigningOut(true);
    try {
      await accountApi.logout();
    } catch {
      // Already signed out or the session expired: leaving is still the right outcome.
    } finally {
      setSigningOut(false);
      void navigate(to, { replace: true });
    }
  }, [navigate, to]);
  return { signOut, signingOut };
}
