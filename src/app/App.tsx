import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { useState } from 'react';
import { createBrowserRouter, RouterProvider } from 'react-router';
import { ConfigContext } from '@/config/ConfigContext';
import { DataSourcesContext } from '@/query/DataSourcesContext';
import { createDataSources } from '@/config/dataSources';
import { LiveProvider } from '@/query/live/LiveProvider';
import { authHeaders } from '@/state/authStore';
import type { AppConfig } from '@/config/schema';
import { routes } from './routes';

export function createQueryClient() {
  return new QueryClient({
    defaultOptions: {
      queries: {
        // The refresh picker decides when data is re-read, not window focus.
        refetchOnWindowFocus: false,
        retry: 1,
        staleTime: 5_000,
      },
    },
  });
}

export function App({ config }: { config: AppConfig }) {
  const [queryClient] = useState(createQueryClient);
  const [sources] = useState(() => createDataSources(config, authHeaders));
  const [router] = useState(() =>
    createBrowserRouter(routes, { basename: import.meta.env.BASE_URL.replace(/\/$/, '') || '/' }),
  );
  return (
    <ConfigContext.Provider value={config}>
      <DataSourcesContext.Provider value={sources}>
        <LiveProvider>
          <QueryClientProvider client={queryClient}>
            <RouterProvider router={router} />
          </QueryClientProvider>
        </LiveProvider>
      </DataSourcesContext.Provider>
    </ConfigContext.Provider>
  );
}
