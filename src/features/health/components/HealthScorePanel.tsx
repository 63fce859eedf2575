import { useQueryClient } from '@tanstack/react-query';
import { FramesMenu } from '@/components/panel/FramesMenu';
import { Panel } from '@/components/panel/Panel';
import { Stat } from '@/components/panel/Stat';
import { useConfig } from '@/config/ConfigContext';
import { formatValue } from '@/lib/format';
import { lastValue } from '@/query/prometheus/frames';
import type { PromFrame } from '@/query/prometheus/panelQuery';
import { usePromPanelResolver } from '@/query/prometheus/panelQuery';
import { alignFrames, combinedFramesQueryOptions } from '@/query/prometheus/combinedQuery';
import { HEALTH_FORMULA, healthScore } from '../healthScore';

export function HealthScorePanel() {
  const config = useConfig();
  const queryClient = useQueryClient();
  const resolve = usePromPanelResolver();
  const parts = (['health.success-rate', 'health.p95-latency', 'health.saturation'] as const).map(
    (id) => resolve(id, { widthPx: 600 }),
  );
  const ready = parts.flatMap((p) => (p.kind === 'ready' ? [p.options] : []));
  if (parts[0]?.kind === 'no-source') {
    return (
      <div className="panel p-3">
        <h2 className="text-sm font-semibold">Health score</h2>
        <p className="mt-2 text-sm text-slate-600 dark:text-slate-300">
          No Prometheus source is configured.
        </p>
      </div>
    );
  }
  const value = (i: number, frames: PromFrame[]) => {
    const frame = alignFrames(parts, frames)[i];
    return frame ? lastValue(frame.series) : null;
  };

  return (
    <Panel
      title="Health score"
      description={HEALTH_FORMULA}
      query={combinedFramesQueryOptions(queryClient, 'health-score', ready)}
      actions={(frames) => frames && <FramesMenu title={'Health score'} frames={frames} />}
    >
      {(frames) => {
        const objective = config.slo.latencyObjectiveSeconds;
        const result = healthScore({
          successRate: value(0, frames),
          p95Seconds: value(1, frames),
          latencyObjectiveSeconds: objective,
          saturation: value(2, frames),
        });
        const explanation = [
          HEALTH_FORMULA,
          `success rate = ${formatValue(result.components.success, 'percentunit')}`,
          `latency score = ${result.components.latency === null ? '–' : result.components.latency.toFixed(2)} (objective ${objective} s)`,
          `saturation = ${formatValue(result.components.saturation, 'percentunit')}`,
          result.missing.length ? `not measured, left out: ${result.missing.join(', ')}` : '',
        ]
          .filter(Boolean)
          .join('\n');
        return (
          <div title={explanation} data-testid="health-score">
            <Stat
              value={result.score}
              unit="none"
              decimals={0}
              thresholds={[
                { value: 0, color: 'red' },
                { value: 70, color: 'amber' },
                { value: 90, color: 'green' },
              ]}
            />
            <p className="mt-1 text-xs text-slate-500 dark:text-slate-400">
              out of 100 · hover for the formula
              {result.missing.length > 0 && ` · without ${result.missing.join(', ')}`}
            </p>
          </div>
        );
      }}
    </Panel>
  );
}
