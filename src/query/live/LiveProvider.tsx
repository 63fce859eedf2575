import { createContext, useContext, useEffect, useState, type ReactNode } from 'react';
import { useConfig } from '@/config/ConfigContext';
import { useDataSources } from '@/query/DataSourcesContext';
import { bindConnectionStore } from './connectionBridge';
import { createLiveRuntime, liveSourceOf, type LiveRuntime } from './liveRuntime';
import { livePollIntervalMs } from './pollInterval';

export const LiveContext = createContext<LiveRuntime | null>(null);

/** The app's live runtime; throws outside a provider, as a missing provider is a wiring bug. */
export function useLiveRuntime(): LiveRuntime {
  const runtime = useContext(LiveContext);
  if (!runtime) throw new Error('useLiveRuntime must be used inside <LiveProvider>');
  return runtime;
}

/**
 * Creates the app's one live client from config and closes it on unmount. It is created in an
 * effect, not during render, so React's development double-mount closes a client nobody uses
 * instead of one the page is subscribed to. The polling interval is the refresh picker's value
 * when the app starts.
 */
export function LiveProvider({ children }: { children: ReactNode }) {
  const config = useConfig();
  const sources = useDataSources();
  const [runtime, setRuntime] = useState<LiveRuntime | null>(null);

  useEffect(() => {
    const refreshParam = new URLSearchParams(window.location.search).get('refresh');
    const created = createLiveRuntime(
      config,
      sources,
      livePollIntervalMs(refreshParam, config.defaults.refresh),
    );
    const unbind = bindConnectionStore(created.client, created.source);
    setRuntime(created);
    return () => {
      unbind();
      created.client.close();
    };
  }, [config, sources]);

  const value = runtime ?? {
    client: null,
    source: liveSourceOf(config, sources),
    prometheus: null,
  };
  return <LiveContext.Provider value={value}>{children}</LiveContext.Provider>;
}

/** Provides a runtime built elsewhere: tests and benchmarks inject their own client. */
export function ProvideLiveRuntime({
  runtime,
  children,
}: {
  runtime: LiveRuntime;
  children: ReactNode;
}) {
  return <LiveContext.Provider value={runtime}>{children}</LiveContext.Provider>;
}
