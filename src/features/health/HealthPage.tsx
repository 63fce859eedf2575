import { PresetPanel } from '@/components/panel/PresetPanel';
import { AlertsPanel } from './components/AlertsPanel';
import { BurnRatePanel } from './components/BurnRatePanel';
import { DataSourceStatusPanel } from './components/DataSourceStatusPanel';
import { HealthScorePanel } from './components/HealthScorePanel';
import { LiveNumbersPanel } from './components/LiveNumbersPanel';

export default function HealthPage() {
  return (
    <div className="flex flex-col gap-3">
      <h1 className="text-lg font-semibold">Health</h1>
      <div className="grid grid-cols-2 gap-3 md:grid-cols-3 xl:grid-cols-5">
        <HealthScorePanel />
        <PresetPanel id="health.success-rate" />
        <PresetPanel id="health.throughput" />
        <PresetPanel id="health.p95-latency" />
        <PresetPanel id="health.active-tasks" />
        <PresetPanel id="health.running-executions" />
        <PresetPanel id="health.failed-executions" />
        <PresetPanel id="health.failures-24h" />
        <PresetPanel id="health.saturation" />
      </div>
      <div className="grid gap-3 lg:grid-cols-3">
        <AlertsPanel />
        <BurnRatePanel />
        <DataSourceStatusPanel />
      </div>
      <div className="grid gap-3 lg:grid-cols-2">
        <PresetPanel id="health.throughput-over-time" />
        <PresetPanel id="health.success-rate-over-time" />
      </div>
      <LiveNumbersPanel />
    </div>
  );
}
