import { lazy, Suspense, type ComponentType, type LazyExoticComponent } from 'react';
import { Navigate, useLocation, type RouteObject } from 'react-router';
import { PanelSkeleton } from '@/components/panel/Panel';
import { EmbedRoot } from '@/embed/EmbedRoot';
import { Shell } from './Shell';
import { RouteError } from './RouteError';

const page = (Component: LazyExoticComponent<ComponentType>) => (
  <Suspense fallback={<PanelSkeleton />}>
    <Component />
  </Suspense>
);

const HealthPage = lazy(() => import('@/features/health/components/HealthPage'));
const AgentsPage = lazy(() => import('@/features/agents/components/AgentsPage'));
const ErrorsPage = lazy(() => import('@/features/errors/components/ErrorsPage'));
const ResourcesPage = lazy(() => import('@/features/resources/components/ResourcesPage'));
const TracesPage = lazy(() => import('@/features/traces/components/TracesPage'));
const TraceViewPage = lazy(() => import('@/features/traces/components/TraceViewPage'));
const TraceComparePage = lazy(() => import('@/features/traces/components/TraceComparePage'));
const ExecutionsPage = lazy(() => import('@/features/executions/components/ExecutionsPage'));
const EmbedPanelPage = lazy(() => import('@/embed/EmbedPanelPage'));

/** `/` is Health; the redirect keeps the query string so shared links survive. */
function HomeRedirect() {
  const location = useLocation();
  return <Navigate replace to={{ pathname: '/health', search: location.search }} />;
}

function NotFound() {
  return (
    <div className="py-10 text-center">
      <h1 className="text-xl font-semibold">Page not found</h1>
      <p className="text-slate-600 dark:text-slate-300">There is no view at this address.</p>
    </div>
  );
}

export const routes: RouteObject[] = [
  {
    // The embedding bridge lives here, above the shell, so it serves single panels too.
    element: <EmbedRoot />,
    errorElement: <RouteError />,
    children: [
      { path: 'embed/panel/:panelId', element: page(EmbedPanelPage) },
      {
        element: <Shell />,
        errorElement: <RouteError />,
        children: [
          { index: true, element: <HomeRedirect /> },
          { path: 'health', element: page(HealthPage) },
          { path: 'agents', element: page(AgentsPage) },
          { path: 'errors', element: page(ErrorsPage) },
          { path: 'resources', element: page(ResourcesPage) },
          { path: 'traces', element: page(TracesPage) },
          { path: 'traces/compare', element: page(TraceComparePage) },
          { path: 'traces/:traceId', element: page(TraceViewPage) },
          { path: 'executions', element: page(ExecutionsPage) },
          { path: 'executions/:executionId', element: page(ExecutionsPage) },
          { path: '*', element: <NotFound /> },
        ],
      },
    ],
  },
];
