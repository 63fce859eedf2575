/**
 * Service colours for bars and swatches. Reds are left out: red means "error" in the
 * waterfall, and a service drawn in red would read as one.
 */
const SERVICE_COLORS = [
  '#0ea5e9',
  '#f97316',
  '#22c55e',
  '#a855f7',
  '#eab308',
  '#14b8a6',
  '#6366f1',
  '#84cc16',
  '#06b6d4',
  '#d946ef',
  '#64748b',
  '#0d9488',
  '#ca8a04',
  '#7c3aed',
  '#65a30d',
  '#2563eb',
] as const;

export function serviceColor(index: number): string {
  return SERVICE_COLORS[
    ((index % SERVICE_COLORS.length) + SERVICE_COLORS.length) % SERVICE_COLORS.length
  ] as string;
}

/** Error bars: red with stripes, so they stand out without relying on colour alone. */
export const ERROR_BAR_BACKGROUND =
  'repeating-linear-gradient(135deg, #dc2626 0 6px, #b91c1c 6px 9px)';
