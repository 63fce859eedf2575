/**
 * Multi-window, multi-burn-rate SLO alerting (Google SRE workbook, ch. 5). The burn rate of a
 * window is its error ratio divided by the error budget (1 − target): 1 spends the budget exactly
 * over the SLO period, 14.4 spends 2 % of a 30-day budget in one hour. A page needs both the long
 * and the short window above the threshold, so it fires fast and resets fast.
 */
export const BURN_WINDOWS = [
  { severity: 'page', long: '1h', short: '5m', threshold: 14.4 },
  { severity: 'ticket', long: '6h', short: '30m', threshold: 6 },
] as const;

export const BURN_WINDOW_DURATIONS = ['5m', '30m', '1h', '6h'] as const;
export type BurnWindow = (typeof BURN_WINDOW_DURATIONS)[number];

export function burnRate(errorRatio: number | null, successTarget: number): number | null {
  if (errorRatio === null || !Number.isFinite(errorRatio)) return null;
  return errorRatio / (1 - successTarget);
}

export type BurnVerdict = {
  severity: 'page' | 'ticket';
  long: BurnWindow;
  short: BurnWindow;
  threshold: number;
  longRate: number | null;
  shortRate: number | null;
  firing: boolean;
};

export function burnVerdicts(
  ratios: Partial<Record<BurnWindow, number | null>>,
  successTarget: number,
): BurnVerdict[] {
  return BURN_WINDOWS.map((w) => {
    const longRate = burnRate(ratios[w.long] ?? null, successTarget);
    const shortRate = burnRate(ratios[w.short] ?? null, successTarget);
    return {
      ...w,
      longRate,
      shortRate,
      firing:
        longRate !== null &&
        shortRate !== null &&
        longRate > w.threshold &&
        shortRate > w.threshold,
    };
  });
}
