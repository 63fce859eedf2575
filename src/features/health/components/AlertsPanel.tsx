import { Panel } from '@/components/panel/Panel';
import { useDataSources } from '@/query/DataSourcesContext';
import type { Alert } from '@/datasources/prometheus';
import { TruncatedText } from '@/components/TruncatedText';
import { clipText } from '@/lib/format';
import { formatTimestamp } from '@/lib/time';
import { useTimeRange } from '@/state/urlState';
import { alertsQueryOptions } from '@/query/prometheus/queries';

const SEVERITY_CLASS: Record<string, string> = {
  critical: 'bg-red-100 text-red-900 dark:bg-red-950 dark:text-red-200',
  page: 'bg-red-100 text-red-900 dark:bg-red-950 dark:text-red-200',
  warning: 'bg-amber-100 text-amber-900 dark:bg-amber-950 dark:text-amber-200',
};

export function AlertsPanel() {
  const { prometheus } = useDataSources();
  if (!prometheus) return null;
  return (
    <Panel title="Firing alerts" query={alertsQueryOptions(prometheus)}>
      {(alerts) => {
        const firing = alerts.filter((a) => a.state === 'firing');
        const pending = alerts.filter((a) => a.state === 'pending').length;
        return (
          <div className="flex flex-col gap-2">
            <p className="text-3xl font-semibold tabular-nums" data-testid="firing-alerts-count">
              {firing.length}
            </p>
            {pending > 0 && (
              <p className="text-xs text-slate-500 dark:text-slate-400">{pending} pending</p>
            )}
            {firing.length === 0 ? (
              <p className="text-sm text-slate-600 dark:text-slate-300">No alert is firing.</p>
            ) : (
              <ul
                tabIndex={0}
                aria-label="Firing alerts"
                className="flex max-h-48 flex-col gap-1 overflow-auto text-sm"
              >
                {firing.map((a, i) => (
                  <AlertRow key={`${a.labels.alertname ?? ''}-${i}`} alert={a} />
                ))}
              </ul>
            )}
          </div>
        );
      }}
    </Panel>
  );
}

function AlertRow({ alert }: { alert: Alert }) {
  const { tz } = useTimeRange();
  const severity = alert.labels.severity ?? '';
  const summary = alert.annotations.summary ?? alert.annotations.description ?? '';
  const since = alert.activeAt ? Date.parse(alert.activeAt) : Number.NaN;
  return (
    <li className="flex flex-col rounded border border-slate-200 px-2 py-1 dark:border-slate-700">
      <span className="flex flex-wrap items-center gap-x-2">
        <span className="font-medium break-all">
          <TruncatedText text={alert.labels.alertname ?? 'unnamed alert'} />
        </span>
        {severity && (
          <span
            className={`rounded px-1 text-xs ${SEVERITY_CLASS[severity] ?? 'bg-slate-100 dark:bg-slate-800'}`}
          >
            {clipText(severity, 24)}
          </span>
        )}
      </span>
      {Number.isFinite(since) && (
        <span className="text-xs text-slate-500 dark:text-slate-400">
          firing since {formatTimestamp(since, tz, { withSeconds: false })}
        </span>
      )}
      {summary && (
        <span className="text-xs break-words text-slate-600 dark:text-slate-300">
          <TruncatedText text={summary} />
        </span>
      )}
    </li>
  );
}
