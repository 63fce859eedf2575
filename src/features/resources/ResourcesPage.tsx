import { PresetPanel } from '@/components/panel/PresetPanel';
import { ForecastPanel } from './components/ForecastPanel';
import { SaturationPanel } from './components/SaturationPanel';

export default function ResourcesPage() {
  return (
    <div className="flex flex-col gap-3">
      <div>
        <h1 className="text-lg font-semibold">Resources</h1>
        <p className="text-sm text-slate-600 dark:text-slate-300">
          Are machines saturated? CPU, memory, disk and network per instance, and when they run out.
        </p>
      </div>
      <div className="grid gap-3 lg:grid-cols-2">
        <SaturationPanel />
        <ForecastPanel />
        <PresetPanel id="resources.cpu" />
        <PresetPanel id="resources.memory" />
        <PresetPanel id="resources.disk" />
        <PresetPanel id="resources.load" />
        <PresetPanel id="resources.network-receive" />
        <PresetPanel id="resources.network-transmit" />
        <PresetPanel id="resources.app-cpu" />
        <PresetPanel id="resources.app-memory" />
      </div>
    </div>
  );
}
