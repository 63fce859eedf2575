/** Series colours chosen to stay distinguishable on light and dark backgrounds. */
export const SERIES_COLORS = [
  '#0ea5e9',
  '#f97316',
  '#22c55e',
  '#a855f7',
  '#ef4444',
  '#eab308',
  '#14b8a6',
  '#ec4899',
  '#6366f1',
  '#84cc16',
  '#f43f5e',
  '#06b6d4',
];

export const seriesColor = (index: number): string =>
  SERIES_COLORS[index % SERIES_COLORS.length] ?? '#0ea5e9';
