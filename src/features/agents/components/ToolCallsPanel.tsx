import { DataTable } from '@/components/panel/DataTable';
import { formatValue } from '@/lib/format';
import { PresetPanel } from '@/components/panel/PresetPanel';
import { toolCallRows } from '../toolCalls';

const FAILED = 'font-medium text-red-700 dark:text-red-400';

/** Tool (MCP) calls by agent, tool and outcome over the range; failed outcomes stand out. */
export function ToolCallsPanel({ title }: { title: string }) {
  return (
    <PresetPanel
      id="agents.tool-calls"
      title={title}
      render={(frame) => (
        <div data-testid="tool-calls">
          <DataTable
            caption={title}
            rows={toolCallRows(frame.series)}
            rowKey={(r) => r.key}
            initialSort={{ key: 'count', dir: 'desc' }}
            columns={[
              {
                key: 'agent',
                header: 'Agent',
                render: (r) => r.agent || '–',
                sortValue: (r) => r.agent,
              },
              {
                key: 'tool',
                header: 'Tool',
                render: (r) => r.tool || '–',
                sortValue: (r) => r.tool,
              },
              {
                key: 'status',
                header: 'Status',
                render: (r) => (
                  <span className={r.failed ? FAILED : ''}>
                    {r.failed ? `✕ ${r.status}` : r.status}
                  </span>
                ),
                sortValue: (r) => r.status,
              },
              {
                key: 'count',
                header: 'Calls',
                align: 'right',
                render: (r) => (
                  <span className={r.failed && (r.count ?? 0) > 0 ? FAILED : ''}>
                    {formatValue(r.count, 'short')}
                  </span>
                ),
                sortValue: (r) => r.count,
              },
            ]}
          />
        </div>
      )}
    />
  );
}
