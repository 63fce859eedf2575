export type { AbsoluteTimeRange, RawTimeRange, Result, TimeUnit, TimeZoneMode } from './types';
export { parseTimeExpr, type ParseTimeOptions } from './parse';
export { isRelative, resolveRange, shiftRange, toAbsoluteRaw, zoomOutRange } from './range';
export { QUICK_RANGES, describeRange, type QuickRange } from './describe';
export { formatTimestamp, type FormatTimestampOptions } from './formatTimestamp';
export { REFRESH_INTERVALS, parseRefresh, refreshToMs, type RefreshInterval } from './refresh';
export { timeTicks } from './ticks';
