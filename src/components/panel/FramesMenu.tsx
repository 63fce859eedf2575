import { useState } from 'react';
import { InspectDialog } from '@/components/panel/InspectDialog';
import { PanelMenu } from '@/components/panel/PanelMenu';
import { downloadText, fileSlug } from '@/lib/download';
import { framesToCsv } from '@/query/prometheus/frameExport';
import type { PromFrame } from '@/query/prometheus/panelQuery';

/**
 * Inspect and export for a panel built from several queries: every query as sent, each raw
 * response, timings, and all their series in one CSV or JSON file.
 */
export function FramesMenu({
  title,
  frames,
  csv,
}: {
  title: string;
  frames: PromFrame[];
  /** The table as shown, when the panel's rows are not simply the series. */
  csv?: () => string;
}) {
  const [inspecting, setInspecting] = useState(false);
  const slug = fileSlug(title);
  return (
    <>
      <PanelMenu
        title={title}
        items={[
          { label: 'Inspect', onSelect: () => setInspecting(true) },
          {
            label: 'Export CSV',
            onSelect: () =>
              downloadText(
                `${slug}.csv`,
                csv ? csv() : framesToCsv(frames.flatMap((f) => f.series)),
                'text/csv',
              ),
          },
          {
            label: 'Export JSON',
            onSelect: () =>
              downloadText(
                `${slug}.json`,
                JSON.stringify(
                  frames.map((f) => ({ query: f.expr, data: f.raw })),
                  null,
                  2,
                ),
                'application/json',
              ),
          },
        ]}
      />
      {inspecting && (
        <InspectDialog
          onClose={() => setInspecting(false)}
          data={{
            title,
            request: frames.flatMap((f, i): Array<[string, string]> => [
              [`Query ${i + 1}`, f.expr],
              [`URL ${i + 1}`, `${f.meta.method} ${f.meta.url}`],
            ]),
            stats: frames.flatMap((f, i): Array<[string, string]> => [
              [
                `Query ${i + 1}`,
                `HTTP ${f.meta.status} · ${Math.round(f.meta.durationMs)} ms · ${f.series.length} series`,
              ],
            ]),
            response: frames.map((f) => ({ query: f.expr, data: f.raw })),
            warnings: frames.flatMap((f) => f.warnings),
          }}
        />
      )}
    </>
  );
}
