import { PANEL_IDS, type PanelId } from '@/config/presets';

export function isPanelId(value: string | undefined): value is PanelId {
  return value !== undefined && (PANEL_IDS as readonly string[]).includes(value);
}

/**
 * Knobs some panels take from the view that hosts them (the Agents view's quantile picker,
 * the Health view's burn-rate windows). Alone in an iframe, a panel uses these unless the URL
 * sets the variable (`var-quantile=0.99`).
 */
export const STANDALONE_PANEL_DEFAULTS: Readonly<Record<string, string>> = {
  quantile: '0.95',
  window: '1h',
};

/** Variables a standalone panel fills in itself: those its query needs and the URL leaves out. */
export function standaloneVariables(
  query: string | null,
  urlVariables: Record<string, string[]>,
): Record<string, string> {
  const out: Record<string, string> = {};
  if (query === null) return out;
  for (const [name, value] of Object.entries(STANDALONE_PANEL_DEFAULTS)) {
    const used = new RegExp(`\\$\\{?${name}\\b`).test(query);
    if (used && (urlVariables[name]?.length ?? 0) === 0) out[name] = value;
  }
  return out;
}

/** A title such as "Error ratio over $window", with the variables it names filled in. */
export function panelTitle(template: string, values: Record<string, string | string[]>): string {
  return template.replace(/\$\{?([a-zA-Z]\w*)\}?/g, (whole, name: string) => {
    const value = values[name];
    if (value === undefined) return whole;
    return Array.isArray(value) ? value.join(', ') : value;
  });
}
