import { PresetPanel } from '@/components/panel/PresetPanel';
import { ErrorRatioPanel } from './components/ErrorRatioPanel';
import { RecentErrorSpansPanel } from './components/RecentErrorSpansPanel';
import { TopErrorsPanel } from './components/TopErrorsPanel';

export default function ErrorsPage() {
  return (
    <div className="flex flex-col gap-3">
      <div>
        <h1 className="text-lg font-semibold">Errors</h1>
        <p className="text-sm text-slate-600 dark:text-slate-300">
          What is failing, since when, and how often?
        </p>
      </div>
      <div className="grid gap-3 lg:grid-cols-2">
        <ErrorRatioPanel className="lg:col-span-2" />
        <PresetPanel id="errors.rate-by-agent" />
        <PresetPanel id="errors.rate-by-type" />
        <PresetPanel id="errors.type-distribution" />
        <TopErrorsPanel />
        <RecentErrorSpansPanel className="lg:col-span-2" />
      </div>
    </div>
  );
}
