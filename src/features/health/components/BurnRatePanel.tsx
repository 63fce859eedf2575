import { useQueryClient } from '@tanstack/react-query';
import { FramesMenu } from '@/components/panel/FramesMenu';
import { Panel } from '@/components/panel/Panel';
import { useConfig } from '@/config/ConfigContext';
import { lastValue } from '@/query/prometheus/frames';
import { usePromPanelResolver } from '@/query/prometheus/panelQuery';
import { combinedFramesQueryOptions } from '@/query/prometheus/combinedQuery';
import { BURN_WINDOW_DURATIONS, burnVerdicts, type BurnWindow } from '../burnRate';

export function BurnRatePanel() {
  const config = useConfig();
  const queryClient = useQueryClient();
  const target = config.slo.successTarget;
  const resolve = usePromPanelResolver();
  const windows = BURN_WINDOW_DURATIONS.map((w) =>
    resolve('health.error-ratio', { widthPx: 600, extraVariables: { window: w } }),
  );
  const ready = windows.flatMap((p) => (p.kind === 'ready' ? [p.options] : []));
  if (ready.length !== windows.length) return null;

  return (
    <Panel
      title="SLO error-budget burn"
      description={`Objective: ${(target * 100).toFixed(2)} % of tasks succeed. Burn rate = error ratio ÷ (1 − objective).`}
      query={combinedFramesQueryOptions(queryClient, 'burn-rate', ready)}
      actions={(frames) => frames && <FramesMenu title={'SLO error-budget burn'} frames={frames} />}
    >
      {(frames) => {
        const ratios: Partial<Record<BurnWindow, number | null>> = {};
        BURN_WINDOW_DURATIONS.forEach((w, i) => (ratios[w] = lastValue(frames[i]?.series ?? [])));
        return (
          <table className="w-full text-sm" data-testid="burn-rate">
            <caption className="sr-only">Burn rate by window pair</caption>
            <thead>
              <tr className="text-left text-xs text-slate-500 dark:text-slate-400">
                <th className="font-medium">Alert</th>
                <th className="font-medium">Long window</th>
                <th className="font-medium">Short window</th>
                <th className="font-medium">Threshold</th>
                <th className="font-medium">State</th>
              </tr>
            </thead>
            <tbody>
              {burnVerdicts(ratios, target).map((v) => (
                <tr key={v.severity} className="border-t border-slate-100 dark:border-slate-800">
                  <td className="py-1 capitalize">{v.severity}</td>
                  <td className="tabular-nums">
                    {v.long}: {v.longRate === null ? '–' : `${v.longRate.toFixed(1)}×`}
                  </td>
                  <td className="tabular-nums">
                    {v.short}: {v.shortRate === null ? '–' : `${v.shortRate.toFixed(1)}×`}
                  </td>
                  <td className="tabular-nums">{v.threshold}×</td>
                  <td
                    className={
                      v.firing
                        ? 'font-medium text-red-700 dark:text-red-400'
                        : 'text-emerald-700 dark:text-emerald-400'
                    }
                  >
                    {v.firing ? 'Burning' : 'OK'}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        );
      }}
    </Panel>
  );
}
