import { DataTable } from '@/components/panel/DataTable';
import { useConfig } from '@/config/ConfigContext';
import { formatValue } from '@/lib/format';
import { PresetPanel } from '@/components/panel/PresetPanel';
import { resolvePanel } from '@/config/presets';
import { topErrorRows } from '../topErrors';

export function TopErrorsPanel({ className }: { className?: string }) {
  const config = useConfig();
  const { unit, title } = resolvePanel(config, 'errors.top');
  return (
    <PresetPanel
      id="errors.top"
      className={className}
      render={(frame) => (
        <DataTable
          caption={title}
          rows={topErrorRows(frame.series)}
          rowKey={(r) => r.key}
          initialSort={{ key: 'count', dir: 'desc' }}
          columns={[
            { key: 'agent', header: 'Agent', render: (r) => r.agent, sortValue: (r) => r.agent },
            {
              key: 'type',
              header: 'Error type',
              render: (r) => r.errorType,
              sortValue: (r) => r.errorType,
            },
            {
              key: 'count',
              header: 'Count',
              align: 'right',
              render: (r) => formatValue(r.count, unit),
              sortValue: (r) => r.count,
            },
          ]}
        />
      )}
    />
  );
}
