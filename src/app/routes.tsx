import { lazy, Suspense, useState, type ComponentType } from 'react';
import { matchRoutes, Navigate, useLocation, type RouteObject } from 'react-router';
import { PanelSkeleton } from '@/components/panel/Panel';
import { EmbedRoot } from '@/embed/EmbedRoot';
import { Shell } from './Shell';
import { RouteError } from './RouteError';
import { loadCode } from './startupFailure';

/** What a route keeps in its `handle`: loads the page's code, after which it renders at once. */
interface PageHandle {
  preload: () => Promise<unknown>;
}

/**
 * A page whose code is loaded on demand. Unlike a bare `React.lazy`, a page whose code has
 * already arrived (preloaded for the first URL, or visited before) renders at once: React holds
 * back a suspended boundary's content for up to 300 ms after showing its fallback, which on a
 * deep link cost that long before the page could even start its requests.
 */
function lazyPage(
  load: () => Promise<{ default: ComponentType }>,
): Pick<RouteObject, 'element' | 'handle'> {
  let loaded: ComponentType | null = null;
  let loading: Promise<ComponentType> | null = null;
  const preload = () =>
    (loading ??= loadCode(load, 'this page').then(
      (module) => (loaded = module.default),
      (error: unknown) => {
        loading = null; // a failed chunk may be tried again on the next visit
        throw error;
      },
    ));
  const Suspending = lazy(() => preload().then((component) => ({ default: component })));
  function Page() {
    // Decided once per mount, so the element tree never changes shape under a mounted page.
    const [Ready] = useState(() => loaded);
    if (Ready) return <Ready />;
    return (
      <Suspense fallback={<PanelSkeleton />}>
        <Suspending />
      </Suspense>
    );
  }
  return { element: <Page />, handle: { preload } satisfies PageHandle };
}

const HealthPage = lazyPage(() => import('@/features/health/HealthPage'));
const AgentsPage = lazyPage(() => import('@/features/agents/AgentsPage'));
const ErrorsPage = lazyPage(() => import('@/features/errors/ErrorsPage'));
const ResourcesPage = lazyPage(() => import('@/features/resources/ResourcesPage'));
const TracesPage = lazyPage(() => import('@/features/trace-search/TracesPage'));
const TraceViewPage = lazyPage(() => import('@/features/trace-view/TraceViewPage'));
const TraceComparePage = lazyPage(() => import('@/features/trace-compare/TraceComparePage'));
const ExecutionsPage = lazyPage(() => import('@/features/executions/ExecutionsPage'));
const EmbedPanelPage = lazyPage(() => import('@/embed/EmbedPanelPage'));

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
      { path: 'embed/panel/:panelId', ...EmbedPanelPage },
      {
        element: <Shell />,
        errorElement: <RouteError />,
        children: [
          { index: true, element: <HomeRedirect /> },
          { path: 'health', ...HealthPage },
          { path: 'agents', ...AgentsPage },
          { path: 'errors', ...ErrorsPage },
          { path: 'resources', ...ResourcesPage },
          { path: 'traces', ...TracesPage },
          { path: 'traces/compare', ...TraceComparePage },
          { path: 'traces/:traceId', ...TraceViewPage },
          { path: 'executions', ...ExecutionsPage },
          { path: 'executions/:executionId', ...ExecutionsPage },
          { path: '*', element: <NotFound /> },
        ],
      },
    ],
  },
];

/**
 * Starts loading the code of the page at `pathname` (relative to the app's base), so the first
 * render finds it ready. Resolves when it has loaded or failed (a failure shows on render).
 */
export function preloadPageFor(pathname: string): Promise<void> {
  const matches = matchRoutes(routes, pathname) ?? [];
  const loads = matches.map((match) => {
    const handle = match.route.handle as PageHandle | undefined;
    return handle?.preload?.();
  });
  return Promise.allSettled(loads).then(() => undefined);
}
