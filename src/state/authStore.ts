import { create } from 'zustand';

/**
 * A bearer token handed over by an embedding host. Kept in memory only: never written to
 * storage or the URL, gone on reload.
 */
export const useAuthStore = create<{ token: string | null; setToken: (t: string | null) => void }>(
  (set) => ({
    token: null,
    setToken: (token) => set({ token }),
  }),
);

export function authHeaders(): Record<string, string> {
  const token = useAuthStore.getState().token;
  return token ? { Authorization: `Bearer ${token}` } : {};
}
