import type { ReactNode } from 'react';

/** A panel that cannot query, saying why in place of data. */
export function PanelNotice({ title, children }: { title: string; children: ReactNode }) {
  return (
    <section className="panel p-3" data-panel={title} aria-label={title}>
      <h2 className="text-sm font-semibold">{title}</h2>
      <p className="mt-2 text-sm text-slate-600 dark:text-slate-300">{children}</p>
    </section>
  );
}

export const NO_SOURCE_TEXT =
  'No Prometheus source is configured. Set datasources.prometheus.url in config.json, or open the demo with ?demo=1.';

export function noQueryText(preset: string, ids: readonly string[]): string {
  const settings = ids.map((id) => `panels["${id}"].query`).join(' and ');
  return `The "${preset}" preset has no metric for ${ids.join(', ')}. Set ${settings} in config.json to supply one.`;
}
