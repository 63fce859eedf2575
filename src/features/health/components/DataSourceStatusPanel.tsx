import { skipToken, useQuery } from '@tanstack/react-query';
import { useDataSources } from '@/query/DataSourcesContext';
import { connectionLabel } from '@/query/live/connectionLabel';
import { useConnectionStore, type LiveStatus } from '@/state/connectionStore';
import { prometheusStatusQueryOptions } from '@/query/prometheus/queries';

function Row({
  name,
  target,
  state,
  detail,
}: {
  name: string;
  target: string | null;
  state: 'ok' | 'down' | 'pending' | 'off';
  detail: string;
}) {
  const dot = {
    ok: 'bg-emerald-500',
    down: 'bg-red-500',
    pending: 'bg-slate-300 animate-pulse',
    off: 'bg-slate-300',
  }[state];
  return (
    <li className="flex items-start gap-2 py-1" data-source={name} data-state={state}>
      <span aria-hidden className={`mt-1.5 h-2 w-2 shrink-0 rounded-full ${dot}`} />
      <span className="flex min-w-0 flex-col">
        <span className="font-medium">
          {name} <span className="sr-only">{state}</span>
        </span>
        {target && (
          <span className="truncate text-xs text-slate-500 dark:text-slate-400">{target}</span>
        )}
        <span className="text-xs break-words text-slate-600 dark:text-slate-300">{detail}</span>
      </span>
    </li>
  );
}

const LIVE_ROW_STATE: Record<LiveStatus, 'ok' | 'down' | 'pending'> = {
  live: 'ok',
  polling: 'ok',
  connecting: 'pending',
  reconnecting: 'pending',
  offline: 'down',
};

export function DataSourceStatusPanel() {
  const { prometheus, describe } = useDataSources();
  const live = useConnectionStore();
  const prom = useQuery(
    prometheus
      ? prometheusStatusQueryOptions(prometheus)
      : { queryKey: ['prometheus', 'none', 'buildinfo'], queryFn: skipToken },
  );

  const promState = !prometheus ? 'off' : prom.isError ? 'down' : prom.data ? 'ok' : 'pending';
  const promDetail = !prometheus
    ? 'Not configured'
    : prom.error
      ? prom.error.message
      : prom.data
        ? `Reachable · version ${prom.data.version} · ${prom.data.latencyMs} ms`
        : 'Checking…';

  return (
    <section className="panel p-3" aria-labelledby="ds-status-title" data-panel="Data sources">
      <h2 id="ds-status-title" className="text-sm font-semibold">
        Data sources
      </h2>
      <ul className="mt-2 text-sm">
        <Row name="Prometheus" target={describe.prometheus} state={promState} detail={promDetail} />
        <Row
          name="Traces"
          target={describe.traces}
          state={describe.traces ? 'pending' : 'off'}
          detail={describe.traces ? 'Checked when traces are searched' : 'Not configured'}
        />
        <Row
          name="Live gateway"
          target={describe.live}
          state={!describe.live ? 'off' : LIVE_ROW_STATE[live.status]}
          detail={
            !describe.live
              ? prometheus
                ? 'Not configured: live numbers are polled from Prometheus'
                : 'Not configured'
              : connectionLabel(live, null)
          }
        />
      </ul>
    </section>
  );
}
